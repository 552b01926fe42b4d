"""Reminders: active objectives falling due (to their owner) and open steps of their plans (to the member
responsible); either without a person goes to the organisation's owners and managers. Two queries for the
records and one for the managers, whatever their number."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.monitoring.reminders import managers_by_organization
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due


def _url(objective: Objective) -> str:
    return reverse(
        "objectives:objective_detail", kwargs={"org": objective.organization.slug, "pk": objective.pk}
    )


def due_objectives(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    objectives = list(
        Objective.objects.filter(status=Objective.Status.ACTIVE, due_on__lte=horizon)
        .select_related("organization")
        .order_by("organization_id", "number")
    )
    managers = managers_by_organization(o.organization_id for o in objectives if o.owner_id is None)
    for o in objectives:
        assert o.due_on is not None
        yield Due(
            organization_id=o.organization_id,
            kind="objective_due",
            key=f"objectives.objective:{o.pk}:due:{o.due_on.isoformat()}",
            subject=f"Objective {o.reference} {o.title}",
            due_on=o.due_on,
            url=_url(o),
            recipient_ids=(o.owner_id,) if o.owner_id else managers.get(o.organization_id, ()),
        )


def due_plan_items(today: date) -> Iterator[Due]:
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    items = list(
        ObjectivePlanItem.objects.filter(
            is_done=False,
            due_on__lte=horizon,
            objective__status__in=(Objective.Status.DRAFT, Objective.Status.ACTIVE),
        )
        .select_related("objective__organization")
        .order_by("objective__organization_id", "due_on", "pk")
    )
    managers = managers_by_organization(
        i.objective.organization_id for i in items if i.responsible_id is None
    )
    for item in items:
        o = item.objective
        assert item.due_on is not None
        yield Due(
            organization_id=o.organization_id,
            kind="objective_plan_item",
            key=f"objectives.plan_item:{item.pk}:due:{item.due_on.isoformat()}",
            subject=f"{o.reference} plan: {item.what}",
            due_on=item.due_on,
            url=_url(o),
            recipient_ids=(item.responsible_id,)
            if item.responsible_id
            else managers.get(o.organization_id, ()),
        )
