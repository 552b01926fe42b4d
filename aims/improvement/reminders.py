"""Reminder providers (see aims/reminders/registry.py): corrective actions and nonconformities falling due.
Each reads in three queries whatever the number of records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.improvement.models import CorrectiveAction, Nonconformity
from aims.organizations.models import Membership, Role
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

ACTION_KIND = "corrective_action_due"
NC_KIND = "nonconformity_due"


def _managers(organization_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """The owners and managers of each organisation, in one query."""
    found: dict[int, list[int]] = defaultdict(list)
    rows = Membership.objects.filter(
        organization_id__in=set(organization_ids), role__in=(Role.OWNER, Role.MANAGER)
    ).order_by("user_id")
    for org_id, user_id in rows.values_list("organization_id", "user_id"):
        found[org_id].append(user_id)
    return {org_id: tuple(users) for org_id, users in found.items()}


def _url(bases: dict[str, str], slug: str, pk: int) -> str:
    """The nonconformity's page: the register's URL (looked up once per organisation) and its id."""
    if slug not in bases:
        bases[slug] = reverse("improvement:nonconformity_list", kwargs={"org": slug})
    return f"{bases[slug]}{pk}/"


def corrective_actions_due(today: date) -> Iterator[Due]:
    """Open corrective actions of unclosed nonconformities due within the lead time or overdue; the action's
    owner is told, else the organisation's owners and managers."""
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    rows = list(
        CorrectiveAction.objects.filter(status=CorrectiveAction.Status.OPEN, due_on__lte=horizon)
        .exclude(nonconformity__status=Nonconformity.Status.CLOSED)
        .select_related("nonconformity__organization")
        .order_by("due_on", "pk")
    )
    managers = _managers(r.nonconformity.organization_id for r in rows if r.owner_id is None)
    bases: dict[str, str] = {}
    for action in rows:
        nc = action.nonconformity
        recipients = (action.owner_id,) if action.owner_id else managers.get(nc.organization_id, ())
        yield Due(
            organization_id=nc.organization_id,
            kind=ACTION_KIND,
            key=f"improvement.correctiveaction:{action.pk}:{action.due_on.isoformat()}",
            subject=f"Corrective action of {nc.reference}: {action.description[:120]}",
            due_on=action.due_on,
            url=_url(bases, nc.organization.slug, nc.pk),
            recipient_ids=recipients,
        )


def nonconformities_due(today: date) -> Iterator[Due]:
    """Unclosed nonconformities whose corrective action is due within the lead time or overdue; the
    nonconformity's owner is told, else the organisation's owners and managers."""
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    rows = list(
        Nonconformity.objects.unclosed()
        .filter(due_on__lte=horizon)
        .select_related("organization")
        .order_by("due_on", "pk")
    )
    managers = _managers(r.organization_id for r in rows if r.owner_id is None)
    bases: dict[str, str] = {}
    for nc in rows:
        assert nc.due_on is not None
        recipients = (nc.owner_id,) if nc.owner_id else managers.get(nc.organization_id, ())
        yield Due(
            organization_id=nc.organization_id,
            kind=NC_KIND,
            key=f"improvement.nonconformity:{nc.pk}:{nc.due_on.isoformat()}",
            subject=f"Corrective action of {nc.reference} {nc.title}",
            due_on=nc.due_on,
            url=_url(bases, nc.organization.slug, nc.pk),
            recipient_ids=recipients,
        )
