"""External reports of adverse impacts (A.8.3): the organisation's public link, taking a report in through it,
and members triaging each report into an incident or dismissing it. Each change records an audit event."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.incidents.actions import record_incident, require_decider, require_editor
from aims.incidents.models import ExternalReport, ExternalReportLink, Incident
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

NOT_IN_USE = "This reporting link is not in use."


@transaction.atomic
def enable_report_link(*, actor: User, organization: Organization) -> tuple[ExternalReportLink, str]:
    """Turn the public link on with a new token (an old one stops working). Returns the token once."""
    require_decider(actor, organization)
    token = secrets.token_urlsafe(24)
    link, _ = ExternalReportLink.objects.update_or_create(
        organization=organization,
        defaults={"digest": sha256_hex(token), "is_enabled": True, "rotated_at": timezone.now()},
    )
    record(actor=actor, verb="incident_report_link.enabled", target=organization)
    return link, token


@transaction.atomic
def disable_report_link(*, actor: User, organization: Organization) -> None:
    require_decider(actor, organization)
    updated = ExternalReportLink.objects.filter(organization=organization, is_enabled=True).update(
        is_enabled=False
    )
    if not updated:
        raise ActionError("The public link is not in use.")
    record(actor=actor, verb="incident_report_link.disabled", target=organization)


def find_report_link(token: str) -> ExternalReportLink | None:
    return (
        ExternalReportLink.objects.select_related("organization")
        .filter(digest=sha256_hex(token), is_enabled=True)
        .first()
    )


@transaction.atomic
def receive_external_report(
    *, link: ExternalReportLink, what_happened: str, product: str = "", contact: str = ""
) -> ExternalReport:
    """A report through the public link. There is no actor: whoever reports is outside the organisation."""
    if not link.is_enabled:
        raise ActionError(NOT_IN_USE)
    organization = link.organization
    report = ExternalReport(
        organization=organization,
        what_happened=what_happened.strip(),
        product=product.strip(),
        contact=contact.strip(),
    )
    report.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)
    assign_reference(report, "EXT")
    report.save()
    record(actor=None, verb="external_report.received", target=report, organization=organization)
    return report


def _require_new(report: ExternalReport) -> None:
    if report.status != ExternalReport.Status.NEW:
        raise ActionError(f"{report.reference} is triaged already.")


def _title(report: ExternalReport) -> str:
    first = report.what_happened.splitlines()[0] if report.what_happened else "External report"
    prefix = f"{report.product}: " if report.product else ""
    return f"{prefix}{first}"[:200]


@transaction.atomic
def open_incident_from_report(
    *, actor: User, report: ExternalReport, incident: Incident | None = None, severity: str = "medium"
) -> ExternalReport:
    """Triage the report into a new incident (aware since the report arrived), or into an existing one."""
    require_editor(actor, report.organization)
    _require_new(report)
    if incident is not None and incident.organization_id != report.organization_id:
        raise ValidationError({"incident": "Choose an incident of this organisation."})
    if incident is None:
        incident = record_incident(
            actor=actor,
            organization=report.organization,
            title=_title(report),
            what_happened=report.what_happened,
            severity=severity,
            detected_on=timezone.localdate(report.received_at),
            detected_how=f"External report {report.reference}",
            became_aware_at=report.received_at,
        )
    report.status, report.incident = ExternalReport.Status.INCIDENT, incident
    report.triaged_by, report.triaged_at = actor, timezone.now()
    report.save(update_fields=["status", "incident", "triaged_by", "triaged_at"])
    record(actor=actor, verb="external_report.triaged", target=report, data={"incident": incident.reference})
    return report


@transaction.atomic
def dismiss_external_report(*, actor: User, report: ExternalReport, note: str) -> ExternalReport:
    """Decide a report is not an incident, saying why."""
    require_editor(actor, report.organization)
    _require_new(report)
    if not note.strip():
        raise ValidationError({"note": "Say why this report is not an incident."})
    report.status, report.triage_note = ExternalReport.Status.DISMISSED, note.strip()
    report.triaged_by, report.triaged_at = actor, timezone.now()
    report.save(update_fields=["status", "triage_note", "triaged_by", "triaged_at"])
    record(actor=actor, verb="external_report.dismissed", target=report, data={"note": report.triage_note})
    return report
