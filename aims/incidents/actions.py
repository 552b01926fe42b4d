"""Every change to an incident: record and update it, assess whether it is serious under the EU AI Act, record
the report to the authority, log who was told what, and move it through its statuses. Each records an audit
event inside its transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.incidents import permissions
from aims.incidents.models import Incident, IncidentCommunication
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

INCIDENT_FIELDS = (
    "title", "what_happened", "harm", "severity", "detected_on", "detected_how", "became_aware_at",
    "containment", "owner",
)  # fmt: skip
COMMUNICATION_FIELDS = ("sent_at", "audience", "recipient", "message", "channel")
_TEXT = {
    "title", "what_happened", "harm", "detected_how", "containment", "recipient", "message", "channel",
    "authority",
}  # fmt: skip
S = Incident.Status
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.OPEN: (S.CONTAINED, S.RESOLVED),
    S.CONTAINED: (S.RESOLVED, S.OPEN),
    S.RESOLVED: (S.CLOSED, S.OPEN),
    S.CLOSED: (S.OPEN,),
}
DECIDED = {S.CLOSED}


def _cleaned(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}


def _shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _shown(getattr(instance, name)) for name in fields}


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def require_editor(actor: User, organization: Organization) -> None:
    _require(
        permissions.can_edit_incidents(actor, organization),
        "Only owners, managers and contributors can change incidents.",
    )


def require_decider(actor: User, organization: Organization) -> None:
    _require(
        permissions.can_decide_incidents(actor, organization),
        "Only owners and managers can decide on seriousness, reports to the authority and closing.",
    )


def _not_future(errors: dict[str, str], name: str, value: Any, now: datetime) -> None:
    limit = now if isinstance(value, datetime) else timezone.localdate(now)
    if value is not None and value > limit:
        errors[name] = "This cannot be in the future."


def _check(incident: Incident, systems: list[AISystem] | None) -> None:
    errors: dict[str, str] = {}
    now = timezone.now()
    _not_future(errors, "detected_on", incident.detected_on, now)
    _not_future(errors, "became_aware_at", incident.became_aware_at, now)
    if systems is not None and any(s.organization_id != incident.organization_id for s in systems):
        errors["ai_systems"] = "Choose AI systems of this organisation."
    if (
        incident.owner_id is not None
        and not Membership.objects.filter(
            organization_id=incident.organization_id, user_id=incident.owner_id
        ).exists()
    ):
        errors["owner"] = "The owner must be a member of this organisation."
    if errors:
        raise ValidationError(errors)
    incident.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


@transaction.atomic
def record_incident(
    *, actor: User, organization: Organization, ai_systems: Iterable[AISystem] = (), **values: Any
) -> Incident:
    """Record a new incident of the organisation's AI systems (A.8.4)."""
    require_editor(actor, organization)
    cleaned = _cleaned(values, INCIDENT_FIELDS)
    systems = list(ai_systems)
    incident = Incident(organization=organization, **cleaned)
    _check(incident, systems)
    assign_reference(incident, "INC")
    incident.save()
    incident.ai_systems.set(systems)
    after = {**_snapshot(incident, cleaned), "ai_systems": sorted(s.reference for s in systems)}
    record(actor=actor, verb="incident.recorded", target=incident, after=after)
    return incident


@transaction.atomic
def update_incident(
    *,
    actor: User,
    incident: Incident,
    changes: Mapping[str, Any],
    ai_systems: Iterable[AISystem] | None = None,
) -> Incident:
    """Change what the record says; `ai_systems`, when given, replaces the systems involved."""
    require_editor(actor, incident.organization)
    if incident.is_closed:
        raise ActionError(f"{incident.reference} is closed; reopen it to change it.")
    values = _cleaned(changes, INCIDENT_FIELDS)
    systems = list(ai_systems) if ai_systems is not None else None
    before = _snapshot(incident, values)
    for name, value in values.items():
        setattr(incident, name, value)
    _check(incident, systems)
    incident.updated_at = timezone.now()
    incident.save()
    after = _snapshot(incident, values)
    if systems is not None:
        before["ai_systems"] = sorted(incident.ai_systems.values_list("reference", flat=True))
        incident.ai_systems.set(systems)
        after["ai_systems"] = sorted(s.reference for s in systems)
    record(actor=actor, verb="incident.updated", target=incident, before=before, after=after)
    return incident


@transaction.atomic
def assess_seriousness(
    *, actor: User, incident: Incident, is_serious: bool, serious_kind: str = ""
) -> Incident:
    """Decide whether this is a serious incident under the EU AI Act (Art. 73), and of which kind: the kind
    sets the reporting deadline."""
    require_decider(actor, incident.organization)
    kind = serious_kind if is_serious else ""
    if is_serious and kind not in Incident.SeriousKind.values:
        raise ValidationError(
            {"serious_kind": "Say which kind of serious incident it is; it sets the deadline."}
        )
    if not is_serious and incident.reported_to_authority_at is not None:
        raise ActionError(f"{incident.reference} is reported to the authority already; it stays serious.")
    before = _snapshot(incident, ("is_serious", "serious_kind"))
    incident.is_serious, incident.serious_kind, incident.updated_at = is_serious, kind, timezone.now()
    incident.save(update_fields=["is_serious", "serious_kind", "updated_at"])
    after = {**_snapshot(incident, ("is_serious", "serious_kind")), "deadline": _shown(incident.deadline)}
    record(actor=actor, verb="incident.seriousness_assessed", target=incident, before=before, after=after)
    return incident


@transaction.atomic
def record_authority_report(
    *, actor: User, incident: Incident, reported_at: datetime, authority: str
) -> Incident:
    """Record when and to which authority the serious incident was reported."""
    require_decider(actor, incident.organization)
    if not incident.is_serious:
        raise ActionError("Only a serious incident is reported to the authority; assess it as serious first.")
    errors: dict[str, str] = {}
    if not authority.strip():
        errors["authority"] = "Name the authority the incident was reported to."
    if reported_at > timezone.now():
        errors["reported_at"] = "This cannot be in the future."
    elif reported_at < incident.became_aware_at:
        errors["reported_at"] = "The report cannot come before the organisation became aware of the incident."
    if errors:
        raise ValidationError(errors)
    before = _snapshot(incident, ("reported_to_authority_at", "authority"))
    incident.reported_to_authority_at, incident.authority = reported_at, authority.strip()
    incident.updated_at = timezone.now()
    incident.save(update_fields=["reported_to_authority_at", "authority", "updated_at"])
    after = {**_snapshot(incident, ("reported_to_authority_at", "authority")), "late": incident.reported_late}
    record(actor=actor, verb="incident.reported_to_authority", target=incident, before=before, after=after)
    return incident


@transaction.atomic
def log_communication(*, actor: User, incident: Incident, **values: Any) -> IncidentCommunication:
    """Note who was told what about the incident, when and how (users, authorities, suppliers, …)."""
    require_editor(actor, incident.organization)
    cleaned = _cleaned(values, COMMUNICATION_FIELDS)
    message = IncidentCommunication(incident=incident, told_by=actor, **cleaned)
    if message.sent_at is not None and message.sent_at > timezone.now():
        raise ValidationError({"sent_at": "Log a message once it is sent; this time is in the future."})
    message.full_clean(exclude=["incident", "told_by"])
    message.save()
    record(
        actor=actor,
        verb="incident.communication_logged",
        target=incident,
        after={"communication": message.pk, **_snapshot(message, cleaned)},
    )
    return message


@transaction.atomic
def change_status(*, actor: User, incident: Incident, status: str) -> Incident:
    """Move the incident on: contained, resolved, closed (owners and managers, once containment and harm are
    written down), or reopened."""
    require_editor(actor, incident.organization)
    if status in DECIDED or incident.is_closed:
        require_decider(actor, incident.organization)
    if status not in TRANSITIONS.get(incident.status, ()):
        current = incident.get_status_display().lower()
        raise ActionError(f"{incident.reference} is {current}; it cannot become {status} from there.")
    if status == S.CLOSED:
        missing = {
            name: "Fill this in before you close the incident."
            for name in ("containment", "harm")
            if not getattr(incident, name).strip()
        }
        if missing:
            raise ValidationError(missing)
    before = incident.status
    incident.status, incident.updated_at = status, timezone.now()
    incident.save(update_fields=["status", "updated_at"])
    record(
        actor=actor, verb="incident.status_changed", target=incident, before={"status": before},
        after={"status": status},
    )  # fmt: skip
    return incident
