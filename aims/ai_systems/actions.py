"""Every change to AI systems: permission, validation, write and audit event, in one transaction each.

The HTML views, the API and the demo all call these; nothing else writes an AI system.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models.functions import Length
from django.utils import timezone

from aims.ai_systems import permissions
from aims.ai_systems.models import (
    EDITABLE_FIELDS,
    STAGES_NEEDING_APPROVAL,
    AISystem,
    LifecycleStage,
    StageChange,
)
from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User

REFERENCE_PREFIX = "AIS-"

_SETTABLE_STATUSES = (AISystem.Status.DRAFT, AISystem.Status.ACTIVE)


def next_reference(organization: Organization) -> str:
    """The next free "AIS-" number in the organisation: one more than the highest in use."""
    highest = (
        AISystem.objects.filter(organization=organization, reference__regex=rf"^{REFERENCE_PREFIX}[0-9]+$")
        .order_by(Length("reference").desc(), "-reference")
        .values_list("reference", flat=True)
        .first()
    )
    number = int(highest.removeprefix(REFERENCE_PREFIX)) if highest else 0
    return f"{REFERENCE_PREFIX}{number + 1:03d}"


def member_by_email(organization: Organization, email: str) -> User:
    """The member of the organisation with this address, for doors that name people by e-mail (the API)."""
    membership = (
        Membership.objects.select_related("user")
        .filter(organization=organization, user__email__iexact=email.strip())
        .first()
    )
    if membership is None:
        raise ValidationError({"owner": f"No member of {organization.name} has the address {email!r}."})
    return membership.user


def _normalised(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"Not an editable AI system field: {', '.join(sorted(unknown))}")
    cleaned = {name: value.strip() if isinstance(value, str) else value for name, value in values.items()}
    roles = cleaned.get("ai_roles")
    if isinstance(roles, list | tuple):
        wanted = [str(role) for role in roles]
        known = [role for role in Organization.AIRole.values if role in wanted]
        cleaned["ai_roles"] = known + [role for role in dict.fromkeys(wanted) if role not in known]
    return cleaned


def _check_values(organization: Organization, values: Mapping[str, Any]) -> None:
    """Rules that involve other records or the action itself (the record's own rules are in the model)."""
    if "status" in values and values["status"] not in _SETTABLE_STATUSES:
        raise ValidationError(
            {"status": "Choose draft or active; archive a system with the archive action instead."}
        )
    owner = values.get("owner")
    if owner is not None and not Membership.objects.filter(organization=organization, user=owner).exists():
        raise ValidationError({"owner": f"{owner} is not a member of {organization.name}."})


def _check_reference_free(system: AISystem) -> None:
    taken = AISystem.objects.filter(organization=system.organization, reference=system.reference)
    if system.pk is not None:
        taken = taken.exclude(pk=system.pk)
    if taken.exists():
        raise ValidationError(
            {"reference": f"{system.reference} is already used by another AI system in this organisation."}
        )


def _audit_value(system: AISystem, name: str) -> Any:
    if name == "owner":
        return system.owner.email if system.owner else None
    return getattr(system, name)


def _stamp_history(system: AISystem, actor: User) -> None:
    """Tell django-simple-history who made the change (outside a web request it cannot know)."""
    system._history_user = actor  # type: ignore[attr-defined]


@transaction.atomic
def register_ai_system(
    *,
    actor: User,
    organization: Organization,
    lifecycle_stage: str = LifecycleStage.INCEPTION,
    **details: Any,
) -> AISystem:
    """Add a system to the inventory. `details` are EDITABLE_FIELDS; the reference is made when blank.

    A system registered straight into deployment or retirement needs an owner or manager, as a move
    there does.
    """
    if not permissions.can_edit_ai_systems(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can register AI systems.")
    values = _normalised(details)
    values.setdefault("status", AISystem.Status.ACTIVE)
    if lifecycle_stage in STAGES_NEEDING_APPROVAL and not permissions.can_approve_stage(actor, organization):
        raise PermissionDenied(
            f"Registering a system straight into {LifecycleStage(lifecycle_stage).label.lower()} needs an "
            "owner or manager; register it at an earlier stage and ask one of them to approve the move."
        )
    _check_values(organization, values)
    Organization.objects.select_for_update().filter(pk=organization.pk).first()  # one numbering at a time
    system = AISystem(organization=organization, lifecycle_stage=lifecycle_stage, **values)
    system.reference = system.reference or next_reference(organization)
    if lifecycle_stage in STAGES_NEEDING_APPROVAL:
        system.stage_approved_by, system.stage_changed_at = actor, timezone.now()
    system.full_clean(validate_constraints=False)
    _check_reference_free(system)
    _stamp_history(system, actor)
    system.save()
    after = {name: _audit_value(system, name) for name in (*EDITABLE_FIELDS, "lifecycle_stage")}
    record(actor=actor, verb="ai_system.created", target=system, after=after)
    return system


def _refuse_if_archived(system: AISystem, doing: str) -> None:
    if system.is_archived:
        raise ActionError(f"{system} is archived; restore it before {doing}.")


@transaction.atomic
def update_ai_system(*, actor: User, system: AISystem, changes: Mapping[str, Any]) -> AISystem:
    """Change the described fields; the audit event holds the before and after of the changed ones only."""
    if not permissions.can_edit_ai_systems(actor, system.organization):
        raise PermissionDenied("Only owners, managers and contributors can edit AI systems.")
    _refuse_if_archived(system, "editing it")
    values = _normalised(changes)
    changed = [name for name, value in values.items() if getattr(system, name) != value]
    if not changed:
        return system
    _check_values(system.organization, {name: values[name] for name in changed})
    old = {name: getattr(system, name) for name in changed}
    before = {name: _audit_value(system, name) for name in changed}
    for name in changed:
        setattr(system, name, values[name])
    try:
        system.full_clean(validate_constraints=False)
        _check_reference_free(system)
    except ValidationError:
        for name, value in old.items():
            setattr(system, name, value)
        raise
    system.updated_at = timezone.now()
    _stamp_history(system, actor)
    system.save(update_fields=[*changed, "updated_at"])
    after = {name: _audit_value(system, name) for name in changed}
    record(actor=actor, verb="ai_system.updated", target=system, before=before, after=after)
    return system


def _check_stage_change(actor: User, system: AISystem, stage: str) -> None:
    if stage not in LifecycleStage.values:
        raise ValidationError({"stage": f"{stage!r} is not a life-cycle stage."})
    _refuse_if_archived(system, "changing its stage")
    if system.lifecycle_stage == stage:
        raise ActionError(f"{system} is already in {LifecycleStage(stage).label.lower()}.")
    if stage in STAGES_NEEDING_APPROVAL and not permissions.can_approve_stage(actor, system.organization):
        raise PermissionDenied(
            f"Moving a system into {LifecycleStage(stage).label.lower()} needs the approval of an owner or "
            "manager (A.6.2.5); ask one of them to make this change."
        )


@transaction.atomic
def change_lifecycle_stage(*, actor: User, system: AISystem, stage: str, note: str = "") -> StageChange:
    """Move the system to another life-cycle stage; into deployment or retirement the actor approves it."""
    if not permissions.can_edit_ai_systems(actor, system.organization):
        raise PermissionDenied("Only owners, managers and contributors can change a system's stage.")
    locked = AISystem.objects.select_for_update().only("lifecycle_stage", "status").get(pk=system.pk)
    system.lifecycle_stage, system.status = locked.lifecycle_stage, locked.status
    _check_stage_change(actor, system, stage)
    approver = actor if stage in STAGES_NEEDING_APPROVAL else None
    now = timezone.now()
    change = StageChange.objects.create(
        ai_system=system,
        from_stage=system.lifecycle_stage,
        to_stage=stage,
        changed_by=actor,
        approved_by=approver,
        note=note.strip(),
        changed_at=now,
    )
    system.lifecycle_stage, system.stage_changed_at, system.stage_approved_by = stage, now, approver
    system.updated_at = now
    _stamp_history(system, actor)
    system.save(update_fields=["lifecycle_stage", "stage_changed_at", "stage_approved_by", "updated_at"])
    record(
        actor=actor,
        verb="ai_system.stage_changed",
        target=system,
        before={"lifecycle_stage": change.from_stage},
        after={"lifecycle_stage": stage},
        data={"note": change.note, "approved_by": approver.email if approver else None},
    )
    return change


def _set_status(actor: User, system: AISystem, status: str, verb: str, data: dict[str, Any]) -> AISystem:
    before = system.status
    system.status, system.updated_at = status, timezone.now()
    _stamp_history(system, actor)
    system.save(update_fields=["status", "updated_at"])
    record(
        actor=actor, verb=verb, target=system, before={"status": before}, after={"status": status}, data=data
    )
    return system


@transaction.atomic
def archive_ai_system(*, actor: User, system: AISystem, reason: str = "") -> AISystem:
    """Take a system out of the current inventory (kept, with its history, for the record)."""
    if not permissions.can_edit_ai_systems(actor, system.organization):
        raise PermissionDenied("Only owners, managers and contributors can archive AI systems.")
    if system.is_archived:
        raise ActionError(f"{system} is archived already.")
    return _set_status(
        actor, system, AISystem.Status.ARCHIVED, "ai_system.archived", {"reason": reason.strip()}
    )


@transaction.atomic
def restore_ai_system(*, actor: User, system: AISystem) -> AISystem:
    """Bring an archived system back into the current inventory, as active."""
    if not permissions.can_edit_ai_systems(actor, system.organization):
        raise PermissionDenied("Only owners, managers and contributors can restore AI systems.")
    if not system.is_archived:
        raise ActionError(f"{system} is not archived.")
    return _set_status(actor, system, AISystem.Status.ACTIVE, "ai_system.restored", {})


@transaction.atomic
def set_risk_class(*, actor: User, system: AISystem, risk_class: str, source: str = "") -> AISystem:
    """Record the system's EU AI Act class, as the latest classification found it (for the eu_ai_act app).

    `source` says where the class comes from (e.g. "classification 12"); an unchanged class writes nothing.
    """
    if not permissions.can_edit_ai_systems(actor, system.organization):
        raise PermissionDenied("Only owners, managers and contributors can classify AI systems.")
    if risk_class not in AISystem.RiskClass.values:
        raise ValidationError({"risk_class": f"{risk_class!r} is not an EU AI Act class."})
    if system.risk_class == risk_class:
        return system
    before = system.risk_class
    system.risk_class, system.updated_at = risk_class, timezone.now()
    _stamp_history(system, actor)
    system.save(update_fields=["risk_class", "updated_at"])
    record(
        actor=actor,
        verb="ai_system.risk_class_set",
        target=system,
        before={"risk_class": before},
        after={"risk_class": risk_class},
        data={"source": source},
    )
    return system
