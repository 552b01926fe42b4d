"""Reads for the register, the detail page and the AI system panel; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.incidents.models import Incident, IncidentCommunication
from aims.organizations.models import Organization

TARGET_TYPE = Incident._meta.label_lower
HISTORY_LABELS = {
    "incident.recorded": "recorded the incident",
    "incident.updated": "changed the record",
    "incident.seriousness_assessed": "assessed whether it is serious",
    "incident.reported_to_authority": "recorded the report to the authority",
    "incident.communication_logged": "logged a communication",
    "incident.status_changed": "changed the status",
}


@dataclass(frozen=True)
class IncidentFilter:
    q: str = ""
    ai_system_id: int | None = None
    status: str = ""
    severity: str = ""
    serious: bool | None = None
    overdue: bool = False


def incidents_for(organization: Organization, wanted: IncidentFilter) -> QuerySet[Incident]:
    """The organisation's incidents matching the filter, newest first, with their systems and owner."""
    records = Incident.objects.filter(organization=organization)
    if wanted.ai_system_id is not None:
        records = records.filter(ai_systems__id=wanted.ai_system_id)
    if wanted.status:
        records = records.filter(status=wanted.status)
    if wanted.severity:
        records = records.filter(severity=wanted.severity)
    if wanted.serious is not None:
        records = records.filter(is_serious=wanted.serious)
    if wanted.overdue:
        records = records.overdue()
    if wanted.q:
        q = wanted.q
        records = records.filter(
            Q(reference__icontains=q)
            | Q(title__icontains=q)
            | Q(what_happened__icontains=q)
            | Q(harm__icontains=q)
        )
    systems = Prefetch("ai_systems", queryset=AISystem.objects.order_by("reference"))
    return records.select_related("owner").prefetch_related(systems).order_by("-number")


def communications(incident: Incident) -> list[IncidentCommunication]:
    """Who was told what, newest first."""
    return list(incident.communications.select_related("told_by").order_by("-sent_at", "-pk"))


def history(incident: Incident) -> list[tuple[AuditEvent, str]]:
    """Every recorded change to the incident, oldest first, each with what it did in words."""
    events = AuditEvent.objects.filter(
        organization_id=incident.organization_id, target_type=TARGET_TYPE, target_id=str(incident.pk)
    )
    ordered = events.select_related("actor").order_by("seq")
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in ordered]


def panel_rows(system: AISystem) -> list[Incident]:
    """The system's incidents, newest first (five at most), in one query."""
    return list(Incident.objects.filter(ai_systems=system).order_by("-number")[:5])
