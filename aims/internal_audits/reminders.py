"""Reminder providers: audits whose planned start approaches (lead auditor and team), and audits past their
planned end and not yet reported (lead auditor). Two queries each, whatever the number of audits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from django.urls import reverse

from aims.internal_audits.models import InternalAudit
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due

START_KIND = "internal_audit_start"
REPORT_KIND = "internal_audit_report"
REPORT_LEAD_DAYS = 7


def _url(audit: InternalAudit) -> str:
    return reverse("internal_audits:audit_detail", kwargs={"org": audit.organization.slug, "pk": audit.pk})


def audits_starting(today: date) -> Iterator[Due]:
    """Planned audits whose planned start is within the lead days, or already past while still planned."""
    horizon = today + timedelta(days=DEFAULT_LEAD_DAYS)
    audits = (
        InternalAudit.objects.filter(status=InternalAudit.Status.PLANNED, planned_start__lte=horizon)
        .select_related("organization")
        .prefetch_related("team")
        .order_by("planned_start", "pk")
    )
    for audit in audits:
        people = (audit.lead_auditor_id, *(u.pk for u in audit.team.all()))
        yield Due(
            organization_id=audit.organization_id,
            kind=START_KIND,
            key=f"internal_audits.internalaudit:{audit.pk}:start:{audit.planned_start.isoformat()}",
            subject=f"Start of internal audit {audit.reference} {audit.title}",
            due_on=audit.planned_start,
            url=_url(audit),
            recipient_ids=tuple(dict.fromkeys(people)),
        )


def audits_to_report(today: date) -> Iterator[Due]:
    """Audits not yet reported whose planned end is within a week or past: the lead auditor is told."""
    horizon = today + timedelta(days=REPORT_LEAD_DAYS)
    open_statuses = (InternalAudit.Status.PLANNED, InternalAudit.Status.IN_PROGRESS)
    audits = (
        InternalAudit.objects.filter(status__in=open_statuses, planned_end__lte=horizon)
        .select_related("organization")
        .order_by("planned_end", "pk")
    )
    for audit in audits:
        yield Due(
            organization_id=audit.organization_id,
            kind=REPORT_KIND,
            key=f"internal_audits.internalaudit:{audit.pk}:report:{audit.planned_end.isoformat()}",
            subject=f"Report of internal audit {audit.reference} {audit.title}",
            due_on=audit.planned_end,
            url=_url(audit),
            recipient_ids=(audit.lead_auditor_id,),
            lead_days=REPORT_LEAD_DAYS,
        )
