"""Planning a management review, recording it as held (which freezes its inputs), approving its minutes and
cancelling it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.numbering import assign_reference
from aims.reviews.actions.common import (
    check_member,
    cleaned,
    raise_if,
    require_decider,
    require_editor,
    snapshot,
)
from aims.reviews.inputs import compile_inputs, sections_to_json
from aims.reviews.models import ManagementReview, ReviewAttendee, snapshot_digest
from aims.reviews.queries import inputs_verified
from aims.reviews.registry import Period

if TYPE_CHECKING:
    from aims.accounts.models import User

REVIEW_FIELDS = ("title", "period_start", "period_end", "planned_on", "place", "chair")
_TEXT = ("title", "place")
S = ManagementReview.Status


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + timedelta(days=1)


def default_period(organization: Organization, end: date, *, exclude: int | None = None) -> Period:
    """From the day after the previous review's period ended (or twelve months back) to `end`."""
    earlier = ManagementReview.objects.filter(organization=organization).exclude(status=S.CANCELLED)
    if exclude is not None:
        earlier = earlier.exclude(pk=exclude)
    last = earlier.filter(period_end__lt=end).aggregate(end=Max("period_end"))["end"]
    start = last + timedelta(days=1) if last is not None else _year_before(end)
    return Period(start=start, end=end)


def _check(review: ManagementReview) -> None:
    errors: dict[str, str] = {}
    if not review.title:
        errors["title"] = "Give the meeting a title."
    check_member(errors, review.organization, review.chair, "chair")
    if review.period_start and review.period_end and review.period_start > review.period_end:
        errors["period_end"] = "The period must end on or after the day it starts."
    raise_if(errors)
    review.full_clean(exclude=["organization", "number", "reference"], validate_constraints=False)


@transaction.atomic
def plan_review(*, actor: User, organization: Organization, **values: Any) -> ManagementReview:
    """Plan a management review (9.3.1); the period defaults from the previous review."""
    require_editor(actor, organization)
    fields = cleaned(values, REVIEW_FIELDS, _TEXT)
    review = ManagementReview(organization=organization, created_by=actor, **fields)
    if review.planned_on is None:
        raise ValidationError({"planned_on": "Say when the meeting is planned."})
    if review.period_start is None or review.period_end is None:
        period = default_period(organization, review.period_end or review.planned_on)
        review.period_start = review.period_start or period.start
        review.period_end = review.period_end or period.end
    _check(review)
    assign_reference(review, "MR")
    review.save()
    record(actor=actor, verb="review.planned", target=review, after=snapshot(review, REVIEW_FIELDS))
    return review


@transaction.atomic
def update_review(*, actor: User, review: ManagementReview, changes: Mapping[str, Any]) -> ManagementReview:
    """Change the plan of a review that is not held yet."""
    require_editor(actor, review.organization)
    if review.status != S.PLANNED:
        raise ActionError(f"{review.reference} is no longer planned; its plan and period are fixed.")
    values = cleaned(changes, REVIEW_FIELDS, _TEXT)
    before = snapshot(review, values)
    for name, value in values.items():
        setattr(review, name, value)
    if review.planned_on is None or review.period_start is None or review.period_end is None:
        raise ValidationError({"planned_on": "The meeting date and the period cannot be empty."})
    _check(review)
    review.updated_at = timezone.now()
    review.save()
    record(actor=actor, verb="review.updated", target=review, before=before, after=snapshot(review, values))
    return review


@transaction.atomic
def hold_review(*, actor: User, review: ManagementReview, held_on: date | None = None) -> ManagementReview:
    """Record that the meeting took place. Its inputs are compiled one last time and frozen, with their
    SHA-256, so the minutes never change afterwards."""
    require_decider(actor, review.organization)
    if review.status != S.PLANNED:
        raise ActionError(f"Only a planned review can be recorded as held; {review.reference} is not.")
    held_on = held_on or timezone.localdate()
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": "Record the meeting as held once it has taken place."})
    top = ReviewAttendee.objects.filter(
        review=review, is_top_management=True, attendance=ReviewAttendee.Attendance.PRESENT
    )
    if not top.exists():
        raise ActionError(
            "A management review is top management's: add at least one attendee from top management, "
            "marked present, before recording the meeting as held."
        )
    period = Period(start=review.period_start, end=review.period_end)
    frozen = sections_to_json(compile_inputs(review.organization, period))
    review.status, review.held_on = S.HELD, held_on
    review.inputs_snapshot, review.inputs_sha256 = frozen, snapshot_digest(frozen)
    review.inputs_frozen_at = review.updated_at = timezone.now()
    review.save()
    after = {"status": S.HELD, "held_on": held_on.isoformat(), "inputs_sha256": review.inputs_sha256}
    record(actor=actor, verb="review.held", target=review, before={"status": S.PLANNED}, after=after)
    return review


def _took_part(actor: User, review: ManagementReview) -> bool:
    if review.chair_id == actor.pk:
        return True
    present = ReviewAttendee.Attendance.PRESENT
    return ReviewAttendee.objects.filter(review=review, user=actor, attendance=present).exists()


@transaction.atomic
def approve_minutes(*, actor: User, review: ManagementReview) -> ManagementReview:
    """Approve the minutes of a held review: an owner or manager who chaired it or was present."""
    require_decider(actor, review.organization)
    if review.status != S.HELD:
        raise ActionError(f"Only the minutes of a held review can be approved; {review.reference} is not.")
    if not _took_part(actor, review):
        raise ActionError(
            "Minutes are approved by someone who took part: the chair, or an owner or manager listed as "
            "present."
        )
    if not inputs_verified(review):
        raise ActionError(
            f"The frozen inputs of {review.reference} do not match the SHA-256 recorded when it was held."
        )
    review.status, review.minutes_approved_by = S.APPROVED, actor
    review.minutes_approved_at = review.updated_at = timezone.now()
    review.save()
    after = {"status": S.APPROVED, "inputs_sha256": review.inputs_sha256}
    record(actor=actor, verb="review.minutes_approved", target=review, before={"status": S.HELD}, after=after)
    return review


@transaction.atomic
def cancel_review(*, actor: User, review: ManagementReview, reason: str) -> ManagementReview:
    """Cancel a planned meeting, saying why."""
    require_decider(actor, review.organization)
    if review.status != S.PLANNED:
        raise ActionError(f"Only a planned review can be cancelled; {review.reference} is not.")
    if not reason.strip():
        raise ValidationError({"reason": "Say why the meeting is cancelled."})
    review.status, review.cancel_reason = S.CANCELLED, reason.strip()
    review.updated_at = timezone.now()
    review.save(update_fields=["status", "cancel_reason", "updated_at"])
    after = {"status": S.CANCELLED, "reason": review.cancel_reason}
    record(actor=actor, verb="review.cancelled", target=review, before={"status": S.PLANNED}, after=after)
    return review
