"""Reads for the registers, the detail pages and the ageing chart; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.catalog.queries import ISO42001
from aims.improvement.models import (
    CorrectiveAction,
    EffectivenessCheck,
    ImprovementOpportunity,
    Nonconformity,
)
from aims.organizations.models import Organization

HISTORY_LABELS = {
    "nonconformity.raised": "raised the nonconformity",
    "nonconformity.updated": "changed the record",
    "nonconformity.corrected": "recorded the immediate correction",
    "nonconformity.cause_analysed": "recorded the root cause",
    "nonconformity.action_added": "added a corrective action",
    "nonconformity.action_updated": "changed a corrective action",
    "nonconformity.action_done": "completed a corrective action",
    "nonconformity.action_cancelled": "cancelled a corrective action",
    "nonconformity.verification_requested": "asked for verification of effectiveness",
    "nonconformity.verified": "verified effectiveness",
    "nonconformity.closed": "closed it",
    "nonconformity.reopened": "reopened it",
    "improvement.recorded": "recorded the opportunity",
    "improvement.updated": "changed the record",
    "improvement.decided": "decided on it",
    "improvement.started": "started it",
    "improvement.completed": "completed it",
}
AGE_BUCKETS: tuple[tuple[str, int, int | None], ...] = (
    ("0 to 30 days", 0, 30),
    ("31 to 60 days", 31, 60),
    ("61 to 90 days", 61, 90),
    ("Over 90 days", 91, None),
)
GRADE_COLOURS = {"major": "#b42318", "minor": "#f79009"}


@dataclass(frozen=True)
class NonconformityFilter:
    q: str = ""
    status: str = ""
    source: str = ""
    grade: str = ""
    overdue: bool = False
    owner_id: int | None = None


def nonconformities_for(organization: Organization, wanted: NonconformityFilter) -> QuerySet[Nonconformity]:
    """The organisation's nonconformities matching the filter, newest first, with owner, requirement and the
    number of open corrective actions."""
    records = Nonconformity.objects.filter(organization=organization)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.source:
        records = records.filter(source=wanted.source)
    if wanted.grade:
        records = records.filter(grade=wanted.grade)
    if wanted.overdue:
        records = records.overdue()
    if wanted.owner_id is not None:
        records = records.filter(owner_id=wanted.owner_id)
    if wanted.q:
        q = wanted.q
        records = records.filter(
            Q(reference__icontains=q)
            | Q(title__icontains=q)
            | Q(description__icontains=q)
            | Q(source_reference__icontains=q)
        )
    open_actions = Coalesce(
        Subquery(
            CorrectiveAction.objects.filter(nonconformity=OuterRef("pk"), status=CorrectiveAction.Status.OPEN)
            .values("nonconformity")
            .annotate(n=Count("pk"))
            .values("n")
        ),
        0,
    )
    return (
        records.select_related("owner", "requirement", "incident")
        .annotate(open_actions=open_actions)
        .order_by("-number")
    )


def _bucket_filter(low: int, high: int | None, today: date) -> Q:
    wanted = Q(raised_on__lte=today - timedelta(days=low))
    if high is not None:
        wanted &= Q(raised_on__gt=today - timedelta(days=high + 1))
    return wanted


@dataclass(frozen=True)
class Ageing:
    labels: tuple[str, ...]
    rows: tuple[tuple[str, str, tuple[int, ...]], ...]
    """(grade value, grade label, counts per bucket)."""

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(counts) for counts in zip(*(r[2] for r in self.rows), strict=True))

    @property
    def total(self) -> int:
        return sum(self.totals)


def ageing(organization: Organization, today: date | None = None) -> Ageing:
    """Open (not closed) nonconformities by age since raised and by grade, in one query."""
    today = today or timezone.localdate()
    grades = Nonconformity.Grade
    counts: dict[str, Any] = {
        f"{grade}_{n}": Count("pk", filter=Q(grade=grade) & _bucket_filter(low, high, today))
        for grade in grades.values
        for n, (_, low, high) in enumerate(AGE_BUCKETS)
    }
    found = Nonconformity.objects.filter(organization=organization).unclosed().aggregate(**counts)
    rows = tuple(
        (grade, label, tuple(found[f"{grade}_{n}"] for n in range(len(AGE_BUCKETS))))
        for grade, label in grades.choices
    )
    return Ageing(labels=tuple(b[0] for b in AGE_BUCKETS), rows=rows)


def ageing_chart(figures: Ageing) -> dict[str, Any]:
    """A stacked bar chart (Chart.js 4) of the same figures as the ageing table."""
    return {
        "type": "bar",
        "data": {
            "labels": list(figures.labels),
            "datasets": [
                {"label": label, "data": list(counts), "backgroundColor": GRADE_COLOURS.get(grade, "#667085")}
                for grade, label, counts in figures.rows
            ],
        },
        "options": {
            "responsive": True,
            "maintainAspectRatio": False,
            "scales": {
                "x": {"stacked": True},
                "y": {"stacked": True, "beginAtZero": True, "ticks": {"precision": 0}},
            },
            "plugins": {"legend": {"position": "bottom"}},
        },
    }


def corrective_actions(nc: Nonconformity) -> list[CorrectiveAction]:
    return list(nc.actions.select_related("owner").order_by("due_on", "pk"))


def checks(nc: Nonconformity) -> list[EffectivenessCheck]:
    return list(nc.checks.select_related("verified_by").order_by("round", "pk"))


def history(record: Nonconformity | ImprovementOpportunity) -> list[tuple[AuditEvent, str]]:
    """Every recorded change, oldest first, each with what it did in words."""
    events = AuditEvent.objects.filter(
        organization_id=record.organization_id,
        target_type=record._meta.label_lower,
        target_id=str(record.pk),
    )
    ordered = events.select_related("actor").order_by("seq")
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in ordered]


@dataclass(frozen=True)
class OpportunityFilter:
    q: str = ""
    status: str = ""
    source: str = ""


def opportunities_for(
    organization: Organization, wanted: OpportunityFilter
) -> QuerySet[ImprovementOpportunity]:
    records = ImprovementOpportunity.objects.filter(organization=organization)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.source:
        records = records.filter(source=wanted.source)
    if wanted.q:
        records = records.filter(
            Q(reference__icontains=wanted.q)
            | Q(title__icontains=wanted.q)
            | Q(description__icontains=wanted.q)
        )
    return records.select_related("owner").order_by("-number")


def requirement_by_ref(ref: str) -> CatalogItem | None:
    """The ISO/IEC 42001 clause or Annex A control with this ref ("10.2", "A.8.4"), or None."""
    return CatalogItem.objects.filter(framework__code=ISO42001, ref__iexact=ref.strip()).first()


def in_full(pk: int) -> Nonconformity:
    """One nonconformity with everything the API and the CLI show, in three queries."""
    actions = CorrectiveAction.objects.select_related("owner").order_by("due_on", "pk")
    checks = EffectivenessCheck.objects.select_related("verified_by").order_by("round", "pk")
    return (
        Nonconformity.objects.select_related(
            "organization", "owner", "requirement", "incident", "raised_by", "corrected_by"
        )
        .prefetch_related(Prefetch("actions", queryset=actions), Prefetch("checks", queryset=checks))
        .get(pk=pk)
    )
