"""Reads for the objective list, the objective page and its charts; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.monitoring import queries as monitoring
from aims.monitoring.models import Measurement
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.objectives.progress import Progress, progress
from aims.organizations.models import Organization

HISTORY_LABELS = {
    "objective.created": "set the objective",
    "objective.updated": "changed the objective",
    "objective.activated": "activated it",
    "objective.outcome_recorded": "recorded the outcome",
    "objective.withdrawn": "withdrew it",
    "objective.plan_item_added": "added a step to the plan",
    "objective.plan_item_updated": "changed a step of the plan",
    "objective.plan_item_completed": "completed a step of the plan",
}


@dataclass(frozen=True)
class ObjectiveFilter:
    q: str = ""
    status: str = ""
    owner_id: int | None = None


def with_plan_counts(records: QuerySet[Objective], today: date) -> QuerySet[Objective]:
    return records.annotate(
        steps=Count("plan_items", distinct=True),
        steps_done=Count("plan_items", filter=Q(plan_items__is_done=True), distinct=True),
        steps_overdue=Count(
            "plan_items",
            filter=Q(plan_items__is_done=False, plan_items__due_on__lt=today),
            distinct=True,
        ),
    )


def objectives_for(organization: Organization, wanted: ObjectiveFilter) -> QuerySet[Objective]:
    """The organisation's objectives matching the filter, in reference order, with owner, metric (and its
    latest value) and plan counts."""
    records = Objective.objects.filter(organization=organization)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.owner_id is not None:
        records = records.filter(owner_id=wanted.owner_id)
    if wanted.q:
        records = records.filter(
            Q(reference__icontains=wanted.q)
            | Q(title__icontains=wanted.q)
            | Q(description__icontains=wanted.q)
        )
    counted = with_plan_counts(records, timezone.localdate())
    return counted.select_related("owner", "metric").order_by("number")


def progress_of(objective: Objective, today: date | None = None) -> str:
    """The progress of an open objective (annotated with plan counts, or counted here)."""
    today = today or timezone.localdate()
    overdue = getattr(objective, "steps_overdue", None)
    if overdue is None:
        overdue = objective.plan_items.filter(is_done=False, due_on__lt=today).count()
    if not objective.is_open:
        return ""
    return progress(objective, today, overdue)


def plan(objective: Objective) -> list[ObjectivePlanItem]:
    return list(objective.plan_items.select_related("responsible").order_by("due_on", "pk"))


def trend(objective: Objective) -> list[Measurement]:
    return monitoring.trend(objective.metric) if objective.metric is not None else []


def trend_chart(objective: Objective, points: list[Measurement]) -> dict[str, Any]:
    return monitoring.trend_chart(
        points,
        label=f"{objective.metric.reference if objective.metric else ''} {objective.unit}".strip(),
        lines=[("Target", objective.target_value, "#2e7d32"), ("Baseline", objective.baseline, "#757575")],
    )


def plan_chart(items: list[ObjectivePlanItem], today: date) -> tuple[dict[str, Any], list[tuple[str, int]]]:
    """The plan's progress as a doughnut (done, to do, overdue), with the same figures for the table."""
    done = sum(1 for i in items if i.is_done)
    overdue = sum(1 for i in items if i.is_overdue(today))
    figures = [("Done", done), ("To do", len(items) - done - overdue), ("Overdue", overdue)]
    config = {
        "type": "doughnut",
        "data": {
            "labels": [label for label, _ in figures],
            "datasets": [
                {"data": [n for _, n in figures], "backgroundColor": ["#2e7d32", "#90a4ae", "#c62828"]}
            ],
        },
        "options": {"responsive": True, "animation": False},
    }
    return config, figures


def history(objective: Objective) -> list[tuple[AuditEvent, str]]:
    events = AuditEvent.objects.filter(
        organization_id=objective.organization_id,
        target_type=Objective._meta.label_lower,
        target_id=str(objective.pk),
    )
    ordered = events.select_related("actor").order_by("seq")
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in ordered]


PROGRESS_LABELS = dict(Progress.choices)
