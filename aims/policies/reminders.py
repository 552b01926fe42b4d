"""Reminders of the AI policy review at planned intervals (A.2.4): the next review date of the AI policy's
document. Its owner is told; without one, the organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.policies.models import AIPolicy
from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

KIND = "policy_review"


def due_reviews(today: date) -> Iterator[Due]:
    """AI policies (active documents) to review within the lead time or overdue; two queries."""
    found = list(
        AIPolicy.objects.filter(
            document__status="active",
            document__next_review_on__lte=today + timedelta(days=DEFAULT_LEAD_DAYS),
        )
        .select_related("organization", "document")
        .order_by("document__next_review_on", "pk")
    )
    fallback = Fallback(p.organization_id for p in found if p.document.owner_id is None)
    for policy in found:
        document = policy.document
        assert document.next_review_on is not None
        yield Due(
            organization_id=policy.organization_id,
            kind=KIND,
            key=f"policies.aipolicy:{policy.pk}:review:{document.next_review_on.isoformat()}",
            subject=f"Review of the AI policy {document.reference} (A.2.4)",
            due_on=document.next_review_on,
            url=reverse("policies:policy_home", kwargs={"org": policy.organization.slug}),
            recipient_ids=fallback.recipients(policy.organization_id, document.owner_id),
        )
