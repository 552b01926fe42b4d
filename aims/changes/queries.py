"""Reads for the register, the detail page and the review input; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.changes.models import PlannedChange
from aims.impact_assessments.models import ImpactAssessment
from aims.organizations.models import Organization
from aims.risks.models import Risk

TARGET_TYPE = PlannedChange._meta.label_lower
HISTORY_LABELS = {
    "change.planned": "planned the change",
    "change.updated": "changed the plan",
    "change.submitted": "submitted it for approval",
    "change.approved": "approved it",
    "change.rejected": "rejected it",
    "change.implemented": "recorded it as implemented",
    "change.cancelled": "cancelled it",
}


@dataclass(frozen=True)
class ChangeFilter:
    q: str = ""
    ai_system_id: int | None = None
    status: str = ""
    kind: str = ""
    risk_level: str = ""


def changes_for(organization: Organization, wanted: ChangeFilter) -> QuerySet[PlannedChange]:
    """The organisation's planned changes matching the filter, newest first, with systems and requester."""
    records = PlannedChange.objects.filter(organization=organization)
    if wanted.ai_system_id is not None:
        records = records.filter(ai_systems__id=wanted.ai_system_id)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.kind:
        records = records.filter(kind=wanted.kind)
    if wanted.risk_level:
        records = records.filter(risk_level=wanted.risk_level)
    if wanted.q:
        q = wanted.q
        records = records.filter(
            Q(reference__icontains=q) | Q(title__icontains=q) | Q(description__icontains=q)
        )
    systems = Prefetch("ai_systems", queryset=AISystem.objects.order_by("reference"))
    return records.select_related("requester").prefetch_related(systems).order_by("-number")


@dataclass(frozen=True)
class Marked:
    """What an approval marked for reassessment, and whether each is still waiting."""

    risks: list[Risk]
    assessments: list[ImpactAssessment]

    @property
    def risks_waiting(self) -> int:
        return sum(1 for r in self.risks if r.reassessment_requested_on is not None)

    @property
    def assessments_waiting(self) -> int:
        return sum(1 for a in self.assessments if a.reassessment_requested_on is not None)


def marked(change: PlannedChange) -> Marked:
    """The risks and impact assessments the approval marked due, in two queries."""
    risks = list(change.marked_risks.order_by("number"))
    assessments = list(change.marked_assessments.select_related("ai_system").order_by("number"))
    return Marked(risks=risks, assessments=assessments)


def history(change: PlannedChange) -> list[tuple[AuditEvent, str]]:
    """Every recorded change to the planned change, oldest first, each with what it did in words."""
    events = AuditEvent.objects.filter(
        organization_id=change.organization_id, target_type=TARGET_TYPE, target_id=str(change.pk)
    )
    ordered = events.select_related("actor").order_by("seq")
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in ordered]
