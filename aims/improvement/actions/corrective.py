"""Corrective actions of a nonconformity (10.2 c)): add, change, complete, cancel. The first one moves the
nonconformity to "corrective action under way"."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.improvement.actions._common import cleaned, is_member, not_future, require_editor, snapshot
from aims.improvement.models import CorrectiveAction, Nonconformity
from aims.lib.errors import ActionError

if TYPE_CHECKING:
    from aims.accounts.models import User

ACTION_FIELDS = ("description", "owner", "due_on", "notes")
_TEXT = ("description", "notes")
S = Nonconformity.Status


def _workable(nc: Nonconformity) -> None:
    if nc.status not in (S.OPEN, S.ACTION):
        state = nc.get_status_display().lower()
        raise ActionError(
            f"{nc.reference} is {state}; its corrective actions can change only while it is open or under "
            "corrective action."
        )


def _check(action: CorrectiveAction, nc: Nonconformity) -> None:
    errors: dict[str, str] = {}
    if action.owner_id is None:
        errors["owner"] = "Choose who sees that it is done."
    elif not is_member(nc.organization_id, action.owner_id):
        errors["owner"] = "The owner must be a member of this organisation."
    if not action.description.strip():
        errors["description"] = "Say what will be done."
    if errors:
        raise ValidationError(errors)
    action.full_clean(exclude=["nonconformity", "created_by"])


def _audit(
    actor: User, verb: str, action: CorrectiveAction, before: dict[str, Any], after: dict[str, Any]
) -> None:
    record(
        actor=actor,
        verb=verb,
        target=action.nonconformity,
        before=before,
        after={"action": action.pk, **after},
    )


@transaction.atomic
def add_corrective_action(
    *,
    actor: User,
    nonconformity: Nonconformity,
    description: str,
    owner: User | None,
    due_on: date,
    notes: str = "",
) -> CorrectiveAction:
    """Plan an action to remove the cause; the nonconformity is then under corrective action."""
    nc = nonconformity
    require_editor(actor, nc.organization)
    _workable(nc)
    action = CorrectiveAction(
        nonconformity=nc,
        description=(description or "").strip(),
        owner=owner,
        due_on=due_on,
        notes=(notes or "").strip(),
        created_by=actor,
    )
    _check(action, nc)
    action.save()
    before = {"status": nc.status}
    if nc.status == S.OPEN:
        nc.status, nc.updated_at = S.ACTION, timezone.now()
        nc.save(update_fields=["status", "updated_at"])
    after = {**snapshot(action, ACTION_FIELDS), "status": nc.status}
    _audit(actor, "nonconformity.action_added", action, before, after)
    return action


@transaction.atomic
def update_corrective_action(
    *, actor: User, action: CorrectiveAction, changes: Mapping[str, Any]
) -> CorrectiveAction:
    """Change what an open corrective action says: description, owner, due date, notes."""
    nc = action.nonconformity
    require_editor(actor, nc.organization)
    _workable(nc)
    if not action.is_open:
        raise ActionError(
            f"This corrective action is {action.get_status_display().lower()}; it cannot change."
        )
    values = cleaned(changes, ACTION_FIELDS, _TEXT)
    before = snapshot(action, values)
    for name, value in values.items():
        setattr(action, name, value)
    _check(action, nc)
    action.updated_at = timezone.now()
    action.save()
    _audit(actor, "nonconformity.action_updated", action, before, snapshot(action, values))
    return action


def _finish(action: CorrectiveAction, actor: User) -> Nonconformity:
    nc = action.nonconformity
    require_editor(actor, nc.organization)
    _workable(nc)
    if not action.is_open:
        raise ActionError(f"This corrective action is {action.get_status_display().lower()} already.")
    return nc


@transaction.atomic
def complete_corrective_action(
    *, actor: User, action: CorrectiveAction, done_on: date | None = None, notes: str = ""
) -> CorrectiveAction:
    """Mark the action done, on the day it was done, with how (and where the evidence is)."""
    nc = _finish(action, actor)
    when = done_on or timezone.localdate()
    errors: dict[str, str] = {}
    not_future(errors, "done_on", when)
    if when < nc.raised_on:
        errors["done_on"] = "It cannot be done before the nonconformity was raised."
    if errors:
        raise ValidationError(errors)
    before = snapshot(action, ("status", "done_on", "notes"))
    action.status, action.done_on = CorrectiveAction.Status.DONE, when
    if (notes or "").strip():
        action.notes = notes.strip()
    action.updated_at = timezone.now()
    action.save(update_fields=["status", "done_on", "notes", "updated_at"])
    _audit(
        actor, "nonconformity.action_done", action, before, snapshot(action, ("status", "done_on", "notes"))
    )
    return action


@transaction.atomic
def cancel_corrective_action(*, actor: User, action: CorrectiveAction, reason: str) -> CorrectiveAction:
    """Cancel an action that is no longer needed, saying why."""
    _finish(action, actor)
    if not (reason or "").strip():
        raise ValidationError({"reason": "Say why the action is cancelled."})
    before = snapshot(action, ("status", "notes"))
    action.status = CorrectiveAction.Status.CANCELLED
    action.notes = f"{action.notes}\n\nCancelled: {reason.strip()}".strip()
    action.updated_at = timezone.now()
    action.save(update_fields=["status", "notes", "updated_at"])
    _audit(
        actor,
        "nonconformity.action_cancelled",
        action,
        before,
        {"status": action.status, "reason": reason.strip()},
    )
    return action
