"""The pages of management reviews: the list, planning, the review's page (agenda, attendees, decisions,
actions) with its buttons, the minutes PDF, and the actions across reviews."""

from aims.reviews.views.actions import action_cancel, action_complete, action_edit, action_list
from aims.reviews.views.minutes import (
    action_add,
    attendee_add,
    attendee_remove,
    decision_add,
    discussion_save,
)
from aims.reviews.views.reviews import (
    review_approve,
    review_cancel,
    review_create,
    review_detail,
    review_edit,
    review_hold,
    review_list,
    review_minutes_pdf,
)

__all__ = [
    "action_add",
    "action_cancel",
    "action_complete",
    "action_edit",
    "action_list",
    "attendee_add",
    "attendee_remove",
    "decision_add",
    "discussion_save",
    "review_approve",
    "review_cancel",
    "review_create",
    "review_detail",
    "review_edit",
    "review_hold",
    "review_list",
    "review_minutes_pdf",
]
