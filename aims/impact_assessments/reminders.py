"""Reminders of impact assessments (8.4): the next assessment of an AI system, from its current (latest
approved) assessment. The AI system's owner is told; without one, the organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.db.models import Exists, OuterRef
from django.urls import reverse

from aims.impact_assessments.models import ImpactAssessment
from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

KIND = "impact_assessment_due"
APPROVED = ImpactAssessment.State.APPROVED


def due_assessments(today: date) -> Iterator[Due]:
    """Current approved assessments whose next assessment falls within the lead time or has passed; two
    queries."""
    newer = ImpactAssessment.objects.filter(
        ai_system_id=OuterRef("ai_system_id"), state=APPROVED, approved_at__gt=OuterRef("approved_at")
    )
    found = list(
        ImpactAssessment.objects.filter(
            state=APPROVED, next_assessment_on__lte=today + timedelta(days=DEFAULT_LEAD_DAYS)
        )
        .exclude(Exists(newer))
        .select_related("organization", "ai_system")
        .order_by("next_assessment_on", "pk")
    )
    fallback = Fallback(a.organization_id for a in found if a.ai_system.owner_id is None)
    for assessment in found:
        assert assessment.next_assessment_on is not None
        system = assessment.ai_system
        yield Due(
            organization_id=assessment.organization_id,
            kind=KIND,
            key=f"impact_assessments.impactassessment:{assessment.pk}:next:"
            f"{assessment.next_assessment_on.isoformat()}",
            subject=f"Impact assessment of {system.reference} {system.name} (after {assessment.reference})",
            due_on=assessment.next_assessment_on,
            url=reverse(
                "impact_assessments:assessment_detail",
                kwargs={"org": assessment.organization.slug, "pk": assessment.pk},
            ),
            recipient_ids=fallback.recipients(assessment.organization_id, system.owner_id),
        )
