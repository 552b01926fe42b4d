"""Reminders of document reviews (7.5.2): an active document whose next review date is near or past. The
owner is told; without one, the organisation's owners and managers. The AI policy's document is left to the
policies app, which reminds of the policy review (A.2.4)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.apps import apps
from django.urls import reverse

from aims.documents.models import Document
from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

KIND = "document_review"


def due_reviews(today: date) -> Iterator[Due]:
    """Active documents to review within the lead time or overdue; two queries."""
    rows = Document.objects.active().filter(next_review_on__lte=today + timedelta(days=DEFAULT_LEAD_DAYS))
    if apps.is_installed("aims.policies"):
        policies = apps.get_model("policies", "AIPolicy").objects.values("document_id")
        rows = rows.exclude(pk__in=policies)
    found = list(rows.select_related("organization").order_by("next_review_on", "pk"))
    fallback = Fallback(row.organization_id for row in found if row.owner_id is None)
    for row in found:
        assert row.next_review_on is not None
        yield Due(
            organization_id=row.organization_id,
            kind=KIND,
            key=f"documents.document:{row.pk}:review:{row.next_review_on.isoformat()}",
            subject=f"Review of {row.reference} {row.title}",
            due_on=row.next_review_on,
            url=reverse("documents:document_detail", kwargs={"org": row.organization.slug, "pk": row.pk}),
            recipient_ids=fallback.recipients(row.organization_id, row.owner_id),
        )
