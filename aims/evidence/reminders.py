"""Reminders of evidence that expires (7.5.2): active evidence whose valid-until date is near or past, so
it is renewed before the controls relying on it are left without proof. The owner is told; without one, the
organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.evidence.models import Evidence
from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

KIND = "evidence_expiry"


def due_expiries(today: date) -> Iterator[Due]:
    """Active evidence expiring within the lead time or expired; two queries."""
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    found = list(
        Evidence.objects.active()
        .filter(valid_until__lte=horizon)
        .select_related("organization")
        .order_by("valid_until", "pk")
    )
    fallback = Fallback(row.organization_id for row in found if row.owner_id is None)
    for row in found:
        assert row.valid_until is not None
        yield Due(
            organization_id=row.organization_id,
            kind=KIND,
            key=f"evidence.evidence:{row.pk}:valid_until:{row.valid_until.isoformat()}",
            subject=f"Evidence {row.reference} {row.title} expires",
            due_on=row.valid_until,
            url=reverse("evidence:evidence_detail", kwargs={"org": row.organization.slug, "pk": row.pk}),
            recipient_ids=fallback.recipients(row.organization_id, row.owner_id),
        )
