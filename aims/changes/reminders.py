"""Reminders of planned changes: an approved change not yet made, before its planned day and once it has
passed (8.1). The requester is told; without one, the organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.changes.models import PlannedChange
from aims.reminders.recipients import Fallback
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

KIND = "change_planned"


def due_changes(today: date) -> Iterator[Due]:
    """Approved changes whose planned day is within the lead time or past; two queries."""
    rows = list(
        PlannedChange.objects.filter(
            status=PlannedChange.Status.APPROVED,
            planned_on__lte=today + timedelta(days=DEFAULT_LEAD_DAYS),
        )
        .select_related("organization")
        .order_by("planned_on", "pk")
    )
    fallback = Fallback(row.organization_id for row in rows if row.requester_id is None)
    for row in rows:
        assert row.planned_on is not None
        yield Due(
            organization_id=row.organization_id,
            kind=KIND,
            key=f"changes.plannedchange:{row.pk}:{row.planned_on.isoformat()}",
            subject=f"Planned change {row.reference} {row.title}",
            due_on=row.planned_on,
            url=reverse("changes:change_detail", kwargs={"org": row.organization.slug, "pk": row.pk}),
            recipient_ids=fallback.recipients(row.organization_id, row.requester_id),
        )
