"""Every change to a management review: plan, edit, hold (freezing the inputs), approve the minutes, cancel;
attendees, discussion notes, decisions, and the actions that track the decisions. Each checks permission,
validates before writing, and records an audit event in its transaction."""

from aims.reviews.actions.minutes import (
    add_attendee,
    add_review_action,
    cancel_review_action,
    complete_review_action,
    record_decision,
    remove_attendee,
    save_discussion,
    update_review_action,
)
from aims.reviews.actions.review import (
    REVIEW_FIELDS,
    approve_minutes,
    cancel_review,
    default_period,
    hold_review,
    plan_review,
    update_review,
)

__all__ = [
    "REVIEW_FIELDS",
    "add_attendee",
    "add_review_action",
    "approve_minutes",
    "cancel_review",
    "cancel_review_action",
    "complete_review_action",
    "default_period",
    "hold_review",
    "plan_review",
    "record_decision",
    "remove_attendee",
    "save_discussion",
    "update_review",
    "update_review_action",
]
