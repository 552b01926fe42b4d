"""What the minutes record: attendees, discussion notes per input section, decisions (9.3.3), and the actions
that carry the decisions out, tracked until done."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations.numbering import assign_reference
from aims.reviews.actions.common import (
    check_member,
    cleaned,
    raise_if,
    require_editor,
    require_writable,
    snapshot,
)
from aims.reviews.models import (
    ManagementReview,
    ReviewAction,
    ReviewAttendee,
    ReviewDecision,
    ReviewDiscussion,
)
from aims.reviews.registry import providers

if TYPE_CHECKING:
    from aims.accounts.models import User

ATTENDEE_FIELDS = ("user", "name", "meeting_role", "is_top_management", "attendance")
ACTION_FIELDS = ("description", "owner", "due_on", "notes")
A = ReviewAction.Status


def _attendee_after(attendee: ReviewAttendee) -> dict[str, Any]:
    return {"attendee": attendee.pk, **snapshot(attendee, ATTENDEE_FIELDS), "name": attendee.display_name}


@transaction.atomic
def add_attendee(*, actor: User, review: ManagementReview, **values: Any) -> ReviewAttendee:
    """List someone at the meeting: a member, or an outsider by name; top management or not; present or
    sent apologies. Attendance is settled before the meeting is recorded as held."""
    require_editor(actor, review.organization)
    if review.status != ManagementReview.Status.PLANNED:
        raise ActionError(f"{review.reference} is recorded as held; its attendance is settled.")
    fields = cleaned(values, ATTENDEE_FIELDS, ("name", "meeting_role"))
    attendee = ReviewAttendee(review=review, **fields)
    errors: dict[str, str] = {}
    if attendee.user is None and not attendee.name:
        errors["name"] = "Choose a member, or write the name of someone from outside."
    check_member(errors, review.organization, attendee.user, "user")
    if attendee.user is not None:
        attendee.name = ""
        if ReviewAttendee.objects.filter(review=review, user=attendee.user).exists():
            errors["user"] = "This member is listed already."
    raise_if(errors)
    attendee.full_clean(exclude=["review", "user"], validate_constraints=False)
    attendee.save()
    record(actor=actor, verb="review.attendee_added", target=review, after=_attendee_after(attendee))
    return attendee


@transaction.atomic
def remove_attendee(*, actor: User, attendee: ReviewAttendee) -> None:
    review = attendee.review
    require_editor(actor, review.organization)
    if review.status != ManagementReview.Status.PLANNED:
        raise ActionError(f"{review.reference} is recorded as held; its attendance is settled.")
    before = _attendee_after(attendee)
    attendee.delete()
    record(actor=actor, verb="review.attendee_removed", target=review, before=before)


def section_keys(review: ManagementReview) -> list[str]:
    """The input sections of the review: the frozen ones once held, the registered ones before."""
    if review.inputs_snapshot is not None:
        return [item["key"] for item in review.inputs_snapshot]
    return [key for key, _provider in providers()]


@transaction.atomic
def save_discussion(
    *, actor: User, review: ManagementReview, section_key: str, notes: str
) -> ReviewDiscussion:
    """Write what the meeting said about one input section (replacing the earlier notes)."""
    require_editor(actor, review.organization)
    require_writable(review)
    if section_key not in section_keys(review):
        raise ValidationError({"section_key": f"{review.reference} has no input section {section_key!r}."})
    found = ReviewDiscussion.objects.filter(review=review, section_key=section_key).first()
    before = {"notes": found.notes} if found else None
    discussion = found or ReviewDiscussion(review=review, section_key=section_key)
    discussion.notes, discussion.updated_by, discussion.updated_at = notes.strip(), actor, timezone.now()
    discussion.save()
    after = {"section": section_key, "notes": discussion.notes}
    record(actor=actor, verb="review.discussion_saved", target=review, before=before, after=after)
    return discussion


@transaction.atomic
def record_decision(*, actor: User, review: ManagementReview, kind: str, text: str) -> ReviewDecision:
    """Record a decision of the meeting (9.3.3): improvement, a change to the AIMS, resources, other."""
    require_editor(actor, review.organization)
    require_writable(review)
    errors: dict[str, str] = {}
    if kind not in ReviewDecision.Kind.values:
        errors["kind"] = "Choose what the decision is about."
    if not text.strip():
        errors["text"] = "Write the decision down."
    raise_if(errors)
    highest = ReviewDecision.objects.filter(review=review).aggregate(n=Max("number"))["n"]
    decision = ReviewDecision.objects.create(
        review=review, number=(highest or 0) + 1, kind=kind, text=text.strip(), created_by=actor
    )
    after = {"decision": decision.number, "kind": kind, "text": decision.text}
    record(actor=actor, verb="review.decision_recorded", target=review, after=after)
    return decision


def _check_action(action: ReviewAction) -> None:
    errors: dict[str, str] = {}
    if not action.description:
        errors["description"] = "Say what is to be done."
    check_member(errors, action.organization, action.owner, "owner")
    if action.decision is not None and action.decision.review_id != action.review_id:
        errors["decision"] = "Choose a decision of this review."
    raise_if(errors)
    action.full_clean(exclude=["organization", "review", "number", "reference"], validate_constraints=False)


@transaction.atomic
def add_review_action(
    *, actor: User, review: ManagementReview, decision: ReviewDecision | None = None, **values: Any
) -> ReviewAction:
    """Turn a decision or a required change into an action with an owner and a due date, tracked until done
    and reported to the next review (9.3.2 a)."""
    require_editor(actor, review.organization)
    require_writable(review)
    fields = cleaned(values, ACTION_FIELDS, ("description", "notes"))
    organization = review.organization
    action = ReviewAction(organization=organization, review=review, decision=decision, **fields)
    _check_action(action)
    assign_reference(action, "MRA")
    action.save()
    after = {"review": review.reference, "decision": decision.number if decision else None}
    after |= snapshot(action, fields)
    record(actor=actor, verb="review.action_added", target=action, after=after)
    return action


def _require_open(action: ReviewAction) -> None:
    if action.status != A.OPEN:
        raise ActionError(f"{action.reference} is {action.get_status_display().lower()}; it cannot change.")


@transaction.atomic
def update_review_action(*, actor: User, action: ReviewAction, changes: Mapping[str, Any]) -> ReviewAction:
    """Change an open action: what, who, by when, and progress notes."""
    require_editor(actor, action.organization)
    _require_open(action)
    values = cleaned(changes, ACTION_FIELDS, ("description", "notes"))
    before = snapshot(action, values)
    for name, value in values.items():
        setattr(action, name, value)
    _check_action(action)
    action.updated_at = timezone.now()
    action.save()
    record(
        actor=actor,
        verb="review.action_updated",
        target=action,
        before=before,
        after=snapshot(action, values),
    )
    return action


def _close(
    actor: User, action: ReviewAction, status: str, done_on: date, notes: str, verb: str
) -> ReviewAction:
    if done_on > timezone.localdate():
        raise ValidationError({"done_on": "This cannot be in the future."})
    if done_on < timezone.localdate(action.created_at):
        raise ValidationError({"done_on": "This cannot be before the action was raised."})
    action.status, action.done_on, action.updated_at = status, done_on, timezone.now()
    if notes.strip():
        action.notes = f"{action.notes}\n{notes.strip()}".strip()
    action.save(update_fields=["status", "done_on", "notes", "updated_at"])
    after = {"status": status, "done_on": done_on.isoformat(), "notes": notes.strip()}
    record(actor=actor, verb=verb, target=action, before={"status": A.OPEN}, after=after)
    return action


@transaction.atomic
def complete_review_action(
    *, actor: User, action: ReviewAction, done_on: date | None = None, notes: str = ""
) -> ReviewAction:
    """Mark an open action done, with what was done."""
    require_editor(actor, action.organization)
    _require_open(action)
    return _close(actor, action, A.DONE, done_on or timezone.localdate(), notes, "review.action_completed")


@transaction.atomic
def cancel_review_action(*, actor: User, action: ReviewAction, reason: str) -> ReviewAction:
    """Drop an open action that is no longer needed, saying why."""
    require_editor(actor, action.organization)
    _require_open(action)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the action is no longer needed."})
    return _close(actor, action, A.CANCELLED, timezone.localdate(), reason, "review.action_cancelled")
