"""Every change to a planned change: plan it, edit the draft, submit it, approve or reject it (an owner or
manager who did not ask for it), record that it was made, or cancel it. Approval marks the affected AI
systems' open risks and their current impact assessments due for reassessment (6.3, 8.2, 8.4). Each action
records an audit event inside its transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.changes import permissions
from aims.changes.models import PlannedChange
from aims.impact_assessments.models import ImpactAssessment
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.organizations.numbering import assign_reference
from aims.reminders.notices import managers_of, notify
from aims.risks.models import Risk

if TYPE_CHECKING:
    from aims.accounts.models import User

CHANGE_FIELDS = (
    "title", "description", "purpose", "kind", "affected_processes", "risk_level", "risk_assessment",
    "resources", "planned_on", "requester",
)  # fmt: skip
_TEXT = {
    "title", "description", "purpose", "affected_processes", "risk_assessment", "resources",
}  # fmt: skip
S = PlannedChange.Status
SELF_APPROVAL = "You asked for this change; another owner or manager must approve it."


def _cleaned(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(CHANGE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    return {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}


def _shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, date):
        return value.isoformat()
    return value


def _snapshot(change: PlannedChange, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _shown(getattr(change, name)) for name in fields}


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_changes(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can plan and record changes.")


def require_decider(actor: User, organization: Organization) -> None:
    if not permissions.can_decide_changes(actor, organization):
        raise PermissionDenied("Only owners and managers can approve or reject planned changes.")


def _require_status(change: PlannedChange, doing: str, *allowed: str) -> None:
    if change.status not in allowed:
        raise ActionError(f"{change.reference} is {change.get_status_display().lower()}; you cannot {doing}.")


def _check(change: PlannedChange, systems: list[AISystem] | None) -> None:
    errors: dict[str, str] = {}
    if systems is not None and any(s.organization_id != change.organization_id for s in systems):
        errors["ai_systems"] = "Choose AI systems of this organisation."
    if (
        change.requester_id is not None
        and not Membership.objects.filter(
            organization_id=change.organization_id, user_id=change.requester_id
        ).exists()
    ):
        errors["requester"] = "The requester must be a member of this organisation."
    if errors:
        raise ValidationError(errors)
    change.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


def _url(change: PlannedChange) -> str:
    return reverse("changes:change_detail", kwargs={"org": change.organization.slug, "pk": change.pk})


@transaction.atomic
def plan_change(
    *, actor: User, organization: Organization, ai_systems: Iterable[AISystem] = (), **values: Any
) -> PlannedChange:
    """Write down a planned change as a draft; the requester is the actor unless another member is named."""
    require_editor(actor, organization)
    cleaned = _cleaned(values)
    cleaned.setdefault("requester", actor)
    systems = list(ai_systems)
    change = PlannedChange(organization=organization, **cleaned)
    _check(change, systems)
    assign_reference(change, "CHG")
    change.save()
    change.ai_systems.set(systems)
    after = {**_snapshot(change, cleaned), "ai_systems": sorted(s.reference for s in systems)}
    record(actor=actor, verb="change.planned", target=change, after=after)
    return change


@transaction.atomic
def update_change(
    *,
    actor: User,
    change: PlannedChange,
    changes: Mapping[str, Any],
    ai_systems: Iterable[AISystem] | None = None,
) -> PlannedChange:
    """Edit a draft; `ai_systems`, when given, replaces the systems affected."""
    require_editor(actor, change.organization)
    _require_status(change, "edit it", S.DRAFT)
    values = _cleaned(changes)
    systems = list(ai_systems) if ai_systems is not None else None
    before = _snapshot(change, values)
    for name, value in values.items():
        setattr(change, name, value)
    _check(change, systems)
    change.updated_at = timezone.now()
    change.save()
    after = _snapshot(change, values)
    if systems is not None:
        before["ai_systems"] = sorted(change.ai_systems.values_list("reference", flat=True))
        change.ai_systems.set(systems)
        after["ai_systems"] = sorted(s.reference for s in systems)
    record(actor=actor, verb="change.updated", target=change, before=before, after=after)
    return change


@transaction.atomic
def submit_change(*, actor: User, change: PlannedChange) -> PlannedChange:
    """Ask for a decision; the owners and managers other than the requester are told."""
    require_editor(actor, change.organization)
    _require_status(change, "submit it", S.DRAFT)
    missing = {
        name: "Fill this in before you submit the change."
        for name in ("risk_assessment", "resources")
        if not getattr(change, name).strip()
    }
    if change.planned_on is None:
        missing["planned_on"] = "Say when the change is to be made before you submit it."
    if missing:
        raise ValidationError(missing)
    change.status, change.submitted_at = S.SUBMITTED, timezone.now()
    change.updated_at = change.submitted_at
    change.save(update_fields=["status", "submitted_at", "updated_at"])
    record(
        actor=actor, verb="change.submitted", target=change, before={"status": S.DRAFT},
        after={"status": S.SUBMITTED},
    )  # fmt: skip
    deciders = [pk for pk in managers_of(change.organization_id) if pk != change.requester_id]
    notify(
        organization=change.organization,
        recipient_ids=deciders,
        kind="change_decision",
        key=f"changes.plannedchange:{change.pk}:submitted:{change.submitted_at.isoformat()}",
        subject=f"{change.reference} {change.title} awaits your decision",
        body="A planned change was submitted for approval.",
        url=_url(change),
    )
    return change


def _mark_for_reassessment(change: PlannedChange, systems: list[AISystem]) -> tuple[list[int], list[int]]:
    """Mark the systems' open risks and their current (latest approved) impact assessments due; a fixed
    number of queries. Approved assessments never change otherwise, hence the queryset update."""
    today, reason = timezone.localdate(), change.reassessment_reason
    risk_ids = list(Risk.objects.open().filter(ai_system__in=systems).values_list("pk", flat=True))
    Risk.objects.filter(pk__in=risk_ids).update(
        reassessment_requested_on=today, reassessment_reason=reason, updated_at=timezone.now()
    )
    approved = ImpactAssessment.objects.filter(
        ai_system__in=systems, state=ImpactAssessment.State.APPROVED
    ).order_by("ai_system_id", "-approved_at", "-pk")
    current: dict[int, int] = {}
    for system_id, pk in approved.values_list("ai_system_id", "pk"):
        current.setdefault(system_id, pk)
    ia_ids = list(current.values())
    ImpactAssessment.objects.filter(pk__in=ia_ids).update(
        reassessment_requested_on=today, reassessment_reason=reason
    )
    change.marked_risks.set(risk_ids)
    change.marked_assessments.set(ia_ids)
    return risk_ids, ia_ids


@transaction.atomic
def approve_change(*, actor: User, change: PlannedChange, note: str = "") -> PlannedChange:
    """Approve a submitted change (never one's own request); the affected AI systems' open risks and
    current impact assessments become due for reassessment."""
    require_decider(actor, change.organization)
    _require_status(change, "approve it", S.SUBMITTED)
    if change.requester_id == actor.pk:
        raise ActionError(SELF_APPROVAL, code="self_approval")
    now = timezone.now()
    change.status, change.decided_by, change.decided_at = S.APPROVED, actor, now
    change.decision_note, change.updated_at = note.strip(), now
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    systems = list(change.ai_systems.all())
    risk_ids, ia_ids = _mark_for_reassessment(change, systems)
    record(
        actor=actor,
        verb="change.approved",
        target=change,
        before={"status": S.SUBMITTED},
        after={"status": S.APPROVED, "risks_marked": len(risk_ids), "assessments_marked": len(ia_ids)},
        data={"note": change.decision_note, "risks": risk_ids, "impact_assessments": ia_ids},
    )
    _tell_requester(change, f"{change.reference} {change.title} is approved")
    return change


def _tell_requester(change: PlannedChange, subject: str) -> None:
    if change.requester_id is None:
        return
    notify(
        organization=change.organization,
        recipient_ids=[change.requester_id],
        kind="change_decision",
        key=f"changes.plannedchange:{change.pk}:{change.status}",
        subject=subject,
        body=change.decision_note,
        url=_url(change),
    )


@transaction.atomic
def reject_change(*, actor: User, change: PlannedChange, reason: str) -> PlannedChange:
    """Reject a submitted change, saying why."""
    require_decider(actor, change.organization)
    _require_status(change, "reject it", S.SUBMITTED)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the change is rejected."})
    now = timezone.now()
    change.status, change.decided_by, change.decided_at = S.REJECTED, actor, now
    change.decision_note, change.updated_at = reason.strip(), now
    change.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "updated_at"])
    record(
        actor=actor, verb="change.rejected", target=change, before={"status": S.SUBMITTED},
        after={"status": S.REJECTED}, data={"reason": change.decision_note},
    )  # fmt: skip
    _tell_requester(change, f"{change.reference} {change.title} is rejected")
    return change


@transaction.atomic
def implement_change(
    *, actor: User, change: PlannedChange, implemented_on: date, note: str = ""
) -> PlannedChange:
    """Record that an approved change was made, and how."""
    require_editor(actor, change.organization)
    _require_status(change, "record it as implemented", S.APPROVED)
    if implemented_on > timezone.localdate():
        raise ValidationError({"implemented_on": "Record the change once it is made; this is in the future."})
    change.status, change.implemented_on = S.IMPLEMENTED, implemented_on
    change.implementation_note, change.updated_at = note.strip(), timezone.now()
    change.save(update_fields=["status", "implemented_on", "implementation_note", "updated_at"])
    record(
        actor=actor, verb="change.implemented", target=change, before={"status": S.APPROVED},
        after={"status": S.IMPLEMENTED, "implemented_on": implemented_on.isoformat()},
        data={"note": change.implementation_note},
    )  # fmt: skip
    return change


@transaction.atomic
def cancel_change(*, actor: User, change: PlannedChange, reason: str = "") -> PlannedChange:
    """Drop a change that is not made: a draft, a submitted or an approved one. Once approved, only owners
    and managers may cancel it."""
    require_editor(actor, change.organization)
    _require_status(change, "cancel it", S.DRAFT, S.SUBMITTED, S.APPROVED)
    if change.status == S.APPROVED:
        require_decider(actor, change.organization)
    before = change.status
    change.status, change.updated_at = S.CANCELLED, timezone.now()
    change.save(update_fields=["status", "updated_at"])
    record(
        actor=actor, verb="change.cancelled", target=change, before={"status": before},
        after={"status": S.CANCELLED}, data={"reason": reason.strip()},
    )  # fmt: skip
    return change
