"""Reminders of the EU AI Act reporting deadline (Art. 73): a serious incident not yet reported to the
authority, two days before its deadline and once it has passed. The incident's owner is told; without one,
the organisation's owners and managers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from aims.incidents.models import Incident
from aims.reminders.recipients import Fallback
from aims.reminders.registry import Due

KIND = "incident_report_deadline"
LEAD_DAYS = 2


def due_reports(today: date) -> Iterator[Due]:
    """Serious, unreported incidents whose deadline is within two days or past; two queries."""
    found = [
        incident
        for incident in Incident.objects.unreported_serious()
        .exclude(serious_kind="")
        .select_related("organization")
        .order_by("became_aware_at", "pk")
        if incident.deadline is not None
        and timezone.localdate(incident.deadline) <= today + timedelta(days=LEAD_DAYS)
    ]
    fallback = Fallback(i.organization_id for i in found if i.owner_id is None)
    for incident in found:
        deadline = incident.deadline
        assert deadline is not None
        due_on = timezone.localdate(deadline)
        yield Due(
            organization_id=incident.organization_id,
            kind=KIND,
            key=f"incidents.incident:{incident.pk}:report:{due_on.isoformat()}",
            subject=f"Report {incident.reference} {incident.title} to the authority "
            f"(deadline {timezone.localtime(deadline):%Y-%m-%d %H:%M})",
            due_on=due_on,
            url=reverse(
                "incidents:incident_detail", kwargs={"org": incident.organization.slug, "pk": incident.pk}
            ),
            recipient_ids=fallback.recipients(incident.organization_id, incident.owner_id),
            lead_days=LEAD_DAYS,
        )
