"""Management reviews of the demo organisation, made through the actions so the audit trail is real: one
review held last quarter with top management present, its inputs frozen, notes on the inputs, two decisions
and three actions (one done, one open, one overdue), its minutes approved; and one review planned for next
month, whose inputs are compiled live from the other registers' demo records.

`seed_demo` is idempotent: a review whose title exists already is not made again. Run it after the other
registers' demos, so the inputs have something to show.
"""

from __future__ import annotations

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.reviews import actions
from aims.reviews.models import ManagementReview, ReviewAction

HELD_TITLE = "Management review of the AIMS, last quarter"
PLANNED_TITLE = "Management review of the AIMS, next month"


def _user(users: dict[str, User], *roles: str) -> User:
    for role in roles:
        if role in users:
            return users[role]
    return next(iter(users.values()))


def _attendees(review: ManagementReview, users: dict[str, User], external: bool) -> None:
    chair, owner = _user(users, "manager", "owner"), _user(users, "owner")
    actions.add_attendee(
        actor=chair, review=review, user=owner, meeting_role="Chief executive", is_top_management=True
    )
    if chair.pk != owner.pk:
        actions.add_attendee(
            actor=chair, review=review, user=chair, meeting_role="AIMS lead (chair)", is_top_management=True
        )
    scribe = users.get("contributor")
    if scribe is not None:
        actions.add_attendee(actor=chair, review=review, user=scribe, meeting_role="Minute taker")
    if external:
        actions.add_attendee(
            actor=chair, review=review, name="Dr. Ada Lovelace", meeting_role="External AI ethics adviser",
            attendance="apologies",
        )  # fmt: skip


NOTES = {
    "previous_actions": "First review: no earlier actions.",
    "context": "The EU AI Act obligations for high-risk systems were added; the team agreed they apply to "
    "the credit-scoring model.",
    "risks": "The highest risks concern the credit-scoring model's fairness; treatment is under way.",
    "incidents": "The age-discrimination incident was reported to the authority in time; lessons learnt "
    "feed the change process.",
}


def _held(organization: Organization, users: dict[str, User]) -> None:
    chair, owner = _user(users, "manager", "owner"), _user(users, "owner")
    today = timezone.localdate()
    meeting = today - timedelta(days=75)
    review = actions.plan_review(
        actor=chair, organization=organization, title=HELD_TITLE, planned_on=meeting,
        place="Board room and online", chair=chair,
    )  # fmt: skip
    _attendees(review, users, external=True)
    actions.hold_review(actor=chair, review=review, held_on=meeting)
    for key in actions.minutes.section_keys(review):
        if key in NOTES:
            actions.save_discussion(actor=chair, review=review, section_key=key, notes=NOTES[key])
    fairness = actions.record_decision(
        actor=chair, review=review, kind="improvement",
        text="Add an age-band fairness check to the credit model's release gate.",
    )  # fmt: skip
    people = actions.record_decision(
        actor=chair, review=review, kind="resources",
        text="Fund a second ML engineer for model monitoring from next quarter.",
    )  # fmt: skip
    done = actions.add_review_action(
        actor=chair, review=review, decision=fairness, owner=_user(users, "contributor", "manager"),
        description="Add the age-band fairness test to the release pipeline.", due_on=meeting + timedelta(30),
    )  # fmt: skip
    actions.add_review_action(
        actor=chair, review=review, decision=people, owner=owner,
        description="Approve the budget and open the vacancy.", due_on=today + timedelta(days=20),
    )  # fmt: skip
    actions.add_review_action(
        actor=chair, review=review, decision=fairness, owner=chair,
        description="Re-run the fairness analysis on last year's decisions.", due_on=today - timedelta(10),
    )  # fmt: skip
    # The actions were raised at the meeting, weeks ago.
    ReviewAction.objects.filter(review=review).update(created_at=timezone.now() - timedelta(days=75))
    done.refresh_from_db()
    actions.complete_review_action(
        actor=chair, action=done, done_on=meeting + timedelta(days=21),
        notes="Test added to the pipeline; see the release checklist.",
    )  # fmt: skip
    actions.approve_minutes(actor=owner, review=review)


def _planned(organization: Organization, users: dict[str, User], meeting: date) -> None:
    chair = _user(users, "manager", "owner")
    review = actions.plan_review(
        actor=chair, organization=organization, title=PLANNED_TITLE, planned_on=meeting,
        place="Online", chair=chair,
    )  # fmt: skip
    _attendees(review, users, external=False)


@transaction.atomic
def seed_demo(organization: Organization, users: dict[str, User]) -> None:
    titles = set(ManagementReview.objects.filter(organization=organization).values_list("title", flat=True))
    if HELD_TITLE not in titles:
        _held(organization, users)
    if PLANNED_TITLE not in titles:
        _planned(organization, users, timezone.localdate() + timedelta(days=30))
