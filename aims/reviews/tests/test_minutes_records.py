"""Attendees, discussion notes, decisions, and actions that reach the next review."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.reviews import actions
from aims.reviews.inputs import previous_actions
from aims.reviews.models import ManagementReview, ReviewAction, ReviewAttendee, ReviewDiscussion
from aims.reviews.registry import Period
from aims.reviews.tests.conftest import days
from aims.web.testing import Personas


def test_attendees_are_members_or_named_outsiders(personas: Personas, review: ManagementReview) -> None:
    member = actions.add_attendee(
        actor=personas.contributor, review=review, user=personas.owner, name="ignored"
    )
    outsider = actions.add_attendee(
        actor=personas.contributor, review=review, name="Dr. Adviser", meeting_role="Adviser"
    )
    assert (member.display_name, member.name) == ("Owner", "")
    assert outsider.display_name == "Dr. Adviser"
    with pytest.raises(ValidationError) as caught:
        actions.add_attendee(actor=personas.contributor, review=review, user=personas.owner)
    assert "user" in caught.value.message_dict
    with pytest.raises(ValidationError):
        actions.add_attendee(actor=personas.contributor, review=review, user=personas.outsider)
    with pytest.raises(ValidationError):
        actions.add_attendee(actor=personas.contributor, review=review)
    with pytest.raises(PermissionDenied):
        actions.add_attendee(actor=personas.viewer, review=review, name="X")
    assert ReviewAttendee.objects.filter(review=review).count() == 2
    assert AuditEvent.objects.filter(verb="review.attendee_added").count() == 2


def test_attendance_is_settled_once_held(personas: Personas, held: ManagementReview) -> None:
    with pytest.raises(ActionError):
        actions.add_attendee(actor=personas.contributor, review=held, name="Late comer")
    with pytest.raises(ActionError):
        actions.remove_attendee(actor=personas.contributor, attendee=held.attendees.all()[0])


def test_removing_an_attendee(personas: Personas, with_top: ManagementReview) -> None:
    attendee = with_top.attendees.get(user=personas.manager)
    actions.remove_attendee(actor=personas.contributor, attendee=attendee)
    assert not with_top.attendees.filter(user=personas.manager).exists()
    assert (AuditEvent.objects.get(verb="review.attendee_removed").before or {})["name"] == "Manager"


def test_discussion_notes_are_saved_per_section_and_replaced(
    personas: Personas, review: ManagementReview
) -> None:
    actions.save_discussion(actor=personas.contributor, review=review, section_key="risks", notes=" First ")
    actions.save_discussion(actor=personas.contributor, review=review, section_key="risks", notes="Second")
    assert list(ReviewDiscussion.objects.values_list("section_key", "notes")) == [("risks", "Second")]
    with pytest.raises(ValidationError):
        actions.save_discussion(actor=personas.contributor, review=review, section_key="nope", notes="x")
    with pytest.raises(PermissionDenied):
        actions.save_discussion(actor=personas.auditor, review=review, section_key="risks", notes="x")


def test_decisions_become_actions_that_the_next_review_sees(personas: Personas) -> None:
    held = actions.plan_review(
        actor=personas.manager, organization=personas.org, title="Last month", planned_on=days(-30)
    )
    actions.add_attendee(actor=personas.manager, review=held, user=personas.owner, is_top_management=True)
    actions.hold_review(actor=personas.manager, review=held, held_on=days(-30))
    decision = actions.record_decision(
        actor=personas.contributor, review=held, kind="change", text="Add a fairness gate to releases."
    )
    other = actions.record_decision(actor=personas.contributor, review=held, kind="resources", text="Hire.")
    assert (decision.number, other.number) == (1, 2)
    action = actions.add_review_action(
        actor=personas.contributor, review=held, decision=decision, description="Build the gate",
        owner=personas.contributor, due_on=days(30),
    )  # fmt: skip
    assert action.reference == "MRA-0001"
    assert action.decision == decision
    following = actions.plan_review(
        actor=personas.manager, organization=personas.org, title="Next", planned_on=days(60)
    )
    section = previous_actions.section(
        personas.org, Period(start=following.period_start, end=following.period_end)
    )
    assert [row.reference for row in section.rows] == ["MRA-0001"]
    assert dict(section.figures)["Open"] == 1
    actions.complete_review_action(actor=personas.contributor, action=action, notes="Gate live.")
    section = previous_actions.section(
        personas.org, Period(start=following.period_start, end=following.period_end)
    )
    assert dict(section.figures)["Done in the period"] == 1
    assert (following.period_start, section.rows[0].status) == (days(-29), f"Done {days(0).isoformat()}")


def test_decisions_need_a_kind_and_text(personas: Personas, held: ManagementReview) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.record_decision(actor=personas.contributor, review=held, kind="bogus", text=" ")
    assert set(caught.value.message_dict) == {"kind", "text"}
    assert not held.decisions.exists()


def test_an_action_needs_a_member_owner_and_a_decision_of_its_review(
    personas: Personas, held: ManagementReview, foreign: ManagementReview
) -> None:
    mine = actions.record_decision(actor=personas.contributor, review=held, kind="other", text="x")
    theirs = actions.record_decision(actor=personas.outsider, review=foreign, kind="other", text="y")
    with pytest.raises(ValidationError) as caught:
        actions.add_review_action(
            actor=personas.contributor, review=held, decision=theirs, description="", owner=personas.outsider
        )
    assert set(caught.value.message_dict) == {"decision", "description", "owner"}
    assert not ReviewAction.objects.exists()
    actions.add_review_action(actor=personas.contributor, review=held, decision=mine, description="ok")


def test_completing_cancelling_and_editing_actions(personas: Personas, held: ManagementReview) -> None:
    action = actions.add_review_action(actor=personas.contributor, review=held, description="Do it")
    actions.update_review_action(
        actor=personas.contributor, action=action, changes={"notes": "Half way", "due_on": days(3)}
    )
    with pytest.raises(ValidationError):
        actions.complete_review_action(actor=personas.contributor, action=action, done_on=days(1))
    with pytest.raises(PermissionDenied):
        actions.complete_review_action(actor=personas.viewer, action=action)
    done = actions.complete_review_action(actor=personas.contributor, action=action, notes="Finished")
    assert (done.status, done.done_on, done.notes) == ("done", days(0), "Half way\nFinished")
    with pytest.raises(ActionError):
        actions.update_review_action(actor=personas.contributor, action=done, changes={"notes": "x"})
    with pytest.raises(ActionError):
        actions.cancel_review_action(actor=personas.contributor, action=done, reason="x")
    verbs = AuditEvent.objects.filter(target_type="reviews.reviewaction").values_list("verb", flat=True)
    assert list(verbs.order_by("seq")) == [
        "review.action_added", "review.action_updated", "review.action_completed",
    ]  # fmt: skip
