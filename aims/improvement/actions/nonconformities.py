"""A nonconformity from raising to closing (10.2): what it says, the immediate correction, the root cause,
verification of effectiveness, closing and reopening. Corrective actions are in `corrective`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.catalog.models import CatalogItem
from aims.improvement.actions._common import (
    cleaned,
    is_member,
    not_future,
    require_decider,
    require_editor,
    snapshot,
)
from aims.improvement.models import MAX_CAUSE_STEPS, CorrectiveAction, EffectivenessCheck, Nonconformity
from aims.incidents.models import Incident
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

NC_FIELDS = (
    "title", "description", "source", "source_reference", "source_url", "grade", "requirement", "owner",
    "due_on",
)  # fmt: skip
_NC_TEXT = ("title", "description", "source_reference", "source_url")
CAUSE_FIELDS = ("cause_method", "root_cause", "similar_elsewhere", "aims_changes")
S = Nonconformity.Status
STEP_LIMIT = 1000


def _check(nc: Nonconformity) -> None:
    errors: dict[str, str] = {}
    if nc.incident is not None and nc.incident.organization_id != nc.organization_id:
        errors["incident"] = "Choose an incident of this organisation."
    if nc.owner_id is not None and not is_member(nc.organization_id, nc.owner_id):
        errors["owner"] = "The owner must be a member of this organisation."
    if nc.due_on is not None and nc.due_on < nc.raised_on:
        errors["due_on"] = "The due date cannot be before the day it was raised."
    if errors:
        raise ValidationError(errors)
    nc.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


def _not_closed(nc: Nonconformity, doing: str) -> None:
    if nc.is_closed:
        raise ActionError(f"{nc.reference} is closed; reopen it to {doing}.")


def _touch(nc: Nonconformity, *fields: str) -> None:
    nc.updated_at = timezone.now()
    nc.save(update_fields=[*fields, "updated_at"])


@transaction.atomic
def raise_nonconformity(
    *,
    actor: User,
    organization: Organization,
    title: str,
    description: str,
    source: str,
    grade: str,
    source_reference: str = "",
    source_url: str = "",
    requirement: CatalogItem | None = None,
    incident: Incident | None = None,
    owner: User | None = None,
    due_on: date | None = None,
    raised_on: date | None = None,
) -> Nonconformity:
    """Record a nonconformity (10.2 a)), from an audit finding, an incident, a complaint, monitoring or a
    review; numbered NC-0001, NC-0002, … per organisation. `raised_on` (today when left out) may be an
    earlier day, for a nonconformity found before it was recorded."""
    require_editor(actor, organization)
    if raised_on is not None and raised_on > timezone.localdate():
        raise ValidationError({"raised_on": "This cannot be in the future."})
    nc = Nonconformity(
        organization=organization,
        title=(title or "").strip(),
        description=(description or "").strip(),
        source=source,
        grade=grade,
        source_reference=(source_reference or "").strip(),
        source_url=source_url,
        requirement=requirement,
        incident=incident,
        owner=owner,
        due_on=due_on,
        raised_by=actor,
        raised_on=raised_on or timezone.localdate(),
    )
    _check(nc)
    assign_reference(nc, "NC")
    nc.save()
    record(
        actor=actor,
        verb="nonconformity.raised",
        target=nc,
        after={
            "reference": nc.reference,
            "title": nc.title,
            "source": nc.source,
            "source_reference": nc.source_reference,
            "grade": nc.grade,
            "requirement": requirement.ref if requirement else None,
            "incident": incident.reference if incident else None,
            "owner": owner.pk if owner else None,
            "due_on": due_on.isoformat() if due_on else None,
        },
    )
    return nc


@transaction.atomic
def update_nonconformity(
    *, actor: User, nonconformity: Nonconformity, changes: Mapping[str, Any]
) -> Nonconformity:
    """Change what the nonconformity says (not once it is closed)."""
    nc = nonconformity
    require_editor(actor, nc.organization)
    _not_closed(nc, "change it")
    values = cleaned(changes, NC_FIELDS, _NC_TEXT)
    before = snapshot(nc, values)
    for name, value in values.items():
        setattr(nc, name, value)
    _check(nc)
    nc.updated_at = timezone.now()
    nc.save()
    record(actor=actor, verb="nonconformity.updated", target=nc, before=before, after=snapshot(nc, values))
    return nc


@transaction.atomic
def record_correction(
    *,
    actor: User,
    nonconformity: Nonconformity,
    correction: str,
    corrected_on: date,
    corrected_by: User | None = None,
) -> Nonconformity:
    """What was done at once to control and correct the nonconformity, when and by whom (10.2 a))."""
    nc = nonconformity
    require_editor(actor, nc.organization)
    _not_closed(nc, "record its correction")
    errors: dict[str, str] = {}
    if not (correction or "").strip():
        errors["correction"] = "Say what was done to control and correct it."
    not_future(errors, "corrected_on", corrected_on)
    who = corrected_by or actor
    if not is_member(nc.organization_id, who.pk):
        errors["corrected_by"] = "Choose a member of this organisation."
    if errors:
        raise ValidationError(errors)
    fields = ("correction", "corrected_on", "corrected_by")
    before = snapshot(nc, fields)
    nc.correction, nc.corrected_on, nc.corrected_by = correction.strip(), corrected_on, who
    _touch(nc, *fields)
    record(actor=actor, verb="nonconformity.corrected", target=nc, before=before, after=snapshot(nc, fields))
    return nc


def _steps(raw: Sequence[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The chain of whys, strictly: up to five steps, each with a question and an answer."""
    if not isinstance(raw, list | tuple):
        raise ValidationError({"cause_steps": "Give the chain of whys as a list of steps."})
    if len(raw) > MAX_CAUSE_STEPS:
        raise ValidationError({"cause_steps": f"Give at most {MAX_CAUSE_STEPS} steps."})
    steps: list[dict[str, str]] = []
    for n, step in enumerate(raw, start=1):
        if not isinstance(step, Mapping) or set(step) != {"why", "because"}:
            raise ValidationError({"cause_steps": f"Step {n} needs exactly a why and a because."})
        why, because = step["why"], step["because"]
        if not isinstance(why, str) or not isinstance(because, str) or not why.strip() or not because.strip():
            raise ValidationError({"cause_steps": f"Step {n} needs both a why and a because."})
        if len(why) > STEP_LIMIT or len(because) > STEP_LIMIT:
            raise ValidationError({"cause_steps": f"Step {n} is too long ({STEP_LIMIT} characters at most)."})
        steps.append({"why": why.strip(), "because": because.strip()})
    return steps


@transaction.atomic
def record_root_cause(
    *,
    actor: User,
    nonconformity: Nonconformity,
    cause_method: str,
    root_cause: str,
    cause_steps: Sequence[Mapping[str, Any]] = (),
    similar_elsewhere: str = "",
    aims_changes: str = "",
) -> Nonconformity:
    """The root-cause analysis (10.2 b)): method, chain of whys, the cause, whether it could occur elsewhere,
    and the changes the AI management system needs (10.2 e) to g))."""
    nc = nonconformity
    require_editor(actor, nc.organization)
    _not_closed(nc, "change its root cause")
    values = cleaned(
        {
            "cause_method": cause_method,
            "root_cause": root_cause,
            "similar_elsewhere": similar_elsewhere,
            "aims_changes": aims_changes,
        },
        CAUSE_FIELDS,
        ("root_cause", "similar_elsewhere", "aims_changes"),
    )
    errors: dict[str, str] = {}
    if values["cause_method"] not in Nonconformity.CauseMethod.values:
        errors["cause_method"] = "Choose how the cause was found."
    if not values["root_cause"]:
        errors["root_cause"] = "State the root cause."
    if errors:
        raise ValidationError(errors)
    steps = _steps(cause_steps)
    if values["cause_method"] == Nonconformity.CauseMethod.FIVE_WHYS and not steps:
        raise ValidationError({"cause_steps": "A five-whys analysis needs at least one why."})
    fields = (*CAUSE_FIELDS, "cause_steps", "cause_analysed_on")
    before = snapshot(nc, fields)
    for name, value in values.items():
        setattr(nc, name, value)
    nc.cause_steps, nc.cause_analysed_on = steps, timezone.localdate()
    _touch(nc, *fields)
    record(
        actor=actor, verb="nonconformity.cause_analysed", target=nc, before=before, after=snapshot(nc, fields)
    )
    return nc


@transaction.atomic
def request_verification(*, actor: User, nonconformity: Nonconformity) -> Nonconformity:
    """Ask for effectiveness to be verified, once the root cause is known and every corrective action is done
    or cancelled (at least one done)."""
    nc = nonconformity
    require_editor(actor, nc.organization)
    if nc.status != S.ACTION:
        raise ActionError(
            f"{nc.reference} is {nc.get_status_display().lower()}; ask for verification while "
            "corrective action is under way."
        )
    if not nc.has_root_cause:
        raise ActionError(f"Record the root cause of {nc.reference} before asking for verification.")
    statuses = list(nc.actions.values_list("status", flat=True))
    if CorrectiveAction.Status.OPEN in statuses:
        raise ActionError("Every corrective action must be done or cancelled before verification.")
    if CorrectiveAction.Status.DONE not in statuses:
        raise ActionError("At least one corrective action must be done before verification.")
    nc.status = S.VERIFICATION
    nc.verification_round += 1
    _touch(nc, "status", "verification_round")
    record(
        actor=actor,
        verb="nonconformity.verification_requested",
        target=nc,
        before={"status": S.ACTION},
        after={"status": nc.status, "round": nc.verification_round},
    )
    return nc


def verifier_conflict(actor: User, nc: Nonconformity) -> str | None:
    """Why this person may not verify the nonconformity's corrective action, or None."""
    if nc.owner_id is not None and nc.owner_id == actor.pk:
        return f"You own {nc.reference}; someone independent of it must verify effectiveness."
    if nc.actions.filter(owner_id=actor.pk).exists():
        return (
            f"You own a corrective action of {nc.reference}; someone independent of the actions must verify "
            "effectiveness."
        )
    return None


@transaction.atomic
def verify_effectiveness(
    *, actor: User, nonconformity: Nonconformity, outcome: str, notes: str, checked_on: date | None = None
) -> EffectivenessCheck:
    """Record whether the corrective actions worked (10.2 d)), by an owner or manager independent of the
    nonconformity and its actions. Not effective sends it back to corrective action; the check is kept."""
    nc = nonconformity
    require_decider(actor, nc.organization)
    conflict = verifier_conflict(actor, nc)
    if conflict:
        raise PermissionDenied(conflict)
    if nc.status != S.VERIFICATION:
        raise ActionError(f"{nc.reference} is not awaiting verification.")
    if nc.checks.filter(round=nc.verification_round).exists():
        raise ActionError(f"{nc.reference} is verified already; close it or reopen it.")
    when = checked_on or timezone.localdate()
    errors: dict[str, str] = {}
    if outcome not in EffectivenessCheck.Outcome.values:
        errors["outcome"] = "Say whether the corrective action was effective."
    if not (notes or "").strip():
        errors["notes"] = "Say what was looked at and what it showed."
    not_future(errors, "checked_on", when)
    if errors:
        raise ValidationError(errors)
    check = EffectivenessCheck.objects.create(
        nonconformity=nc,
        round=nc.verification_round,
        outcome=outcome,
        notes=notes.strip(),
        checked_on=when,
        verified_by=actor,
    )
    if not check.is_effective:
        nc.status = S.ACTION
        _touch(nc, "status")
    record(
        actor=actor,
        verb="nonconformity.verified",
        target=nc,
        before={"status": S.VERIFICATION},
        after={"status": nc.status, "outcome": outcome, "checked_on": when.isoformat(), "notes": check.notes},
    )
    return check


def latest_check(nc: Nonconformity) -> EffectivenessCheck | None:
    return nc.checks.order_by("-round", "-pk").first()


@transaction.atomic
def close_nonconformity(
    *, actor: User, nonconformity: Nonconformity, closed_on: date | None = None
) -> Nonconformity:
    """Close the nonconformity: only once the latest verification found the corrective action effective."""
    nc = nonconformity
    require_decider(actor, nc.organization)
    _not_closed(nc, "close it again")
    check = latest_check(nc)
    if nc.status != S.VERIFICATION or check is None or check.round != nc.verification_round:
        raise ActionError(
            f"{nc.reference} cannot be closed before its corrective action is verified as effective."
        )
    if not check.is_effective:
        raise ActionError(
            f"The latest verification found the corrective action of {nc.reference} not effective."
        )
    when = closed_on or timezone.localdate()
    errors: dict[str, str] = {}
    not_future(errors, "closed_on", when)
    if when < nc.raised_on:
        errors["closed_on"] = "It cannot be closed before it was raised."
    if errors:
        raise ValidationError(errors)
    nc.status, nc.closed_on = S.CLOSED, when
    _touch(nc, "status", "closed_on")
    record(
        actor=actor,
        verb="nonconformity.closed",
        target=nc,
        before={"status": S.VERIFICATION},
        after={"status": S.CLOSED, "closed_on": when.isoformat()},
    )
    return nc


@transaction.atomic
def reopen_nonconformity(*, actor: User, nonconformity: Nonconformity, reason: str) -> Nonconformity:
    """Reopen a closed nonconformity, such as when it happens again; corrective action starts again."""
    nc = nonconformity
    require_decider(actor, nc.organization)
    if not nc.is_closed:
        raise ActionError(f"{nc.reference} is not closed.")
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why it is reopened."})
    closed_on = nc.closed_on
    nc.status, nc.closed_on = S.ACTION, None
    _touch(nc, "status", "closed_on")
    record(
        actor=actor,
        verb="nonconformity.reopened",
        target=nc,
        before={"status": S.CLOSED, "closed_on": closed_on.isoformat() if closed_on else None},
        after={"status": S.ACTION, "reason": reason.strip()},
    )
    return nc
