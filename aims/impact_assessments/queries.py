"""Reads for the register, the detail page and the AI system panel; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.organizations.models import Organization

TARGET_TYPE = ImpactAssessment._meta.label_lower
TRAIL_VERBS = (
    "impact_assessment.created",
    "impact_assessment.submitted",
    "impact_assessment.changes_requested",
    "impact_assessment.approved",
)


@dataclass(frozen=True)
class AssessmentFilter:
    q: str = ""
    ai_system_id: int | None = None
    state: str = ""
    decision: str = ""
    due: bool = False


def assessments_for(organization: Organization, wanted: AssessmentFilter) -> QuerySet[ImpactAssessment]:
    """The organisation's assessments matching the filter, newest first, with what a list row shows."""
    records = ImpactAssessment.objects.filter(organization=organization)
    if wanted.ai_system_id is not None:
        records = records.filter(ai_system_id=wanted.ai_system_id)
    if wanted.state:
        records = records.filter(state=wanted.state)
    if wanted.decision:
        records = records.filter(decision=wanted.decision)
    if wanted.due:
        records = records.due()
    if wanted.q:
        q = wanted.q
        records = records.filter(
            Q(reference__icontains=q)
            | Q(ai_system__reference__icontains=q)
            | Q(ai_system__name__icontains=q)
            | Q(conclusion__icontains=q)
            | Q(intended_use__icontains=q)
        )
    return records.select_related("ai_system", "author", "approved_by").order_by("-number")


def with_item_counts(rows: list[ImpactAssessment]) -> list[ImpactAssessment]:
    """Set `negative_count` and `positive_count` on each row of a page, in one query for the whole page.

    Counted per page rather than annotated on the list: a GROUP BY over every assessment costs more than
    the page itself once there are thousands."""
    counts: dict[tuple[int, str], int] = {
        (row["assessment_id"], row["effect"]): row["n"]
        for row in ImpactItem.objects.filter(assessment__in=[a.pk for a in rows])
        .values("assessment_id", "effect")
        .annotate(n=Count("*"))
        .order_by()
    }
    for assessment in rows:
        assessment.negative_count = counts.get((assessment.pk, ImpactItem.Effect.NEGATIVE), 0)  # type: ignore[attr-defined]
        assessment.positive_count = counts.get((assessment.pk, ImpactItem.Effect.POSITIVE), 0)  # type: ignore[attr-defined]
    return rows


def grouped_items(assessment: ImpactAssessment) -> list[dict[str, Any]]:
    """The impacts grouped by dimension, in the order of the dimensions; negative first, worst first."""
    items = list(
        assessment.items.select_related("risk").order_by(
            "dimension", "effect", "-severity", "-likelihood", "pk"
        )
    )
    groups = []
    for value, label in ImpactItem.Dimension.choices:
        rows = [item for item in items if item.dimension == value]
        if rows:
            negatives = [item for item in rows if item.is_negative]
            positives = [item for item in rows if not item.is_negative]
            groups.append({"dimension": label, "negatives": negatives, "positives": positives})
    return groups


def trail(assessment: ImpactAssessment) -> list[AuditEvent]:
    """Who wrote, submitted, sent back and approved the assessment, and when: oldest first."""
    events = AuditEvent.objects.filter(
        organization_id=assessment.organization_id,
        target_type=TARGET_TYPE,
        target_id=str(assessment.pk),
        verb__in=TRAIL_VERBS,
    )
    return list(events.select_related("actor").order_by("seq"))


def superseded_by(assessment: ImpactAssessment) -> ImpactAssessment | None:
    """The later approved assessment of the same system that replaces this one, if any."""
    if not assessment.is_approved or assessment.approved_at is None:
        return None
    return (
        ImpactAssessment.objects.filter(
            ai_system_id=assessment.ai_system_id,
            state=ImpactAssessment.State.APPROVED,
            approved_at__gt=assessment.approved_at,
        )
        .order_by("-approved_at")
        .first()
    )


def panel_rows(system: AISystem) -> list[ImpactAssessment]:
    """The system's assessments, newest first (five at most), in one query."""
    return list(
        ImpactAssessment.objects.filter(ai_system=system)
        .select_related("approved_by")
        .order_by("-number")[:5]
    )


def latest_approved(rows: list[ImpactAssessment]) -> ImpactAssessment | None:
    approved = [row for row in rows if row.is_approved and row.approved_at is not None]
    return max(approved, key=lambda row: row.approved_at or timezone.now()) if approved else None


def next_due(rows: list[ImpactAssessment]) -> date | None:
    latest = latest_approved(rows)
    return latest.next_assessment_on if latest else None
