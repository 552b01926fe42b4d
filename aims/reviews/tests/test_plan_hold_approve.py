"""Planning, holding (inputs frozen), approving and cancelling a review."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.reviews import actions, queries
from aims.reviews.inputs import sections_from_json
from aims.reviews.models import ManagementReview, ReviewAttendee, snapshot_digest
from aims.reviews.tests.conftest import days
from aims.reviews.tests.test_inputs_risks_and_incidents import make_risk
from aims.web.testing import Personas


def verbs(review: ManagementReview) -> list[str]:
    events = AuditEvent.objects.filter(target_type="reviews.managementreview", target_id=str(review.pk))
    return list(events.order_by("seq").values_list("verb", flat=True))


def test_planning_numbers_reviews_and_defaults_the_period_to_twelve_months(
    personas: Personas, review: ManagementReview
) -> None:
    assert review.reference == "MR-0001"
    assert review.period_end == review.planned_on == days(0)
    assert review.period_start.replace(year=review.period_start.year + 1) == days(1)
    assert verbs(review) == ["review.planned"]


def test_the_next_review_covers_the_time_since_the_previous_one(
    personas: Personas, review: ManagementReview
) -> None:
    following = actions.plan_review(
        actor=personas.manager, organization=personas.org, title="Next", planned_on=days(90)
    )
    assert following.reference == "MR-0002"
    assert (following.period_start, following.period_end) == (days(1), days(90))


def test_viewer_and_auditor_cannot_plan_a_review(personas: Personas) -> None:
    for who in (personas.viewer, personas.auditor, personas.outsider):
        with pytest.raises(PermissionDenied):
            actions.plan_review(actor=who, organization=personas.org, title="X", planned_on=days(1))
    assert not ManagementReview.objects.exists()


def test_planning_refuses_a_bad_period_and_a_chair_from_elsewhere_writing_nothing(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.plan_review(
            actor=personas.manager, organization=personas.org, title=" ", planned_on=days(1),
            period_start=days(2), period_end=days(1), chair=personas.outsider,
        )  # fmt: skip
    assert set(caught.value.message_dict) == {"title", "period_end", "chair"}
    assert not ManagementReview.objects.exists()
    assert not AuditEvent.objects.filter(verb="review.planned").exists()


def test_update_changes_a_planned_review_only(personas: Personas, held: ManagementReview) -> None:
    with pytest.raises(ActionError):
        actions.update_review(actor=personas.manager, review=held, changes={"title": "Renamed"})


def test_update_records_before_and_after(personas: Personas, review: ManagementReview) -> None:
    actions.update_review(actor=personas.contributor, review=review, changes={"place": "Online"})
    review.refresh_from_db()
    assert review.place == "Online"
    event = AuditEvent.objects.get(verb="review.updated")
    assert (event.before, event.after) == ({"place": "Board room"}, {"place": "Online"})


def test_holding_without_top_management_present_is_refused(
    personas: Personas, review: ManagementReview
) -> None:
    actions.add_attendee(actor=personas.contributor, review=review, user=personas.manager)
    actions.add_attendee(
        actor=personas.contributor, review=review, user=personas.owner, is_top_management=True,
        attendance=ReviewAttendee.Attendance.APOLOGIES,
    )  # fmt: skip
    with pytest.raises(ActionError, match="top management"):
        actions.hold_review(actor=personas.manager, review=review)
    review.refresh_from_db()
    assert review.status == "planned"
    assert review.inputs_snapshot is None


def test_only_owners_and_managers_hold_a_review(personas: Personas, with_top: ManagementReview) -> None:
    with pytest.raises(PermissionDenied):
        actions.hold_review(actor=personas.contributor, review=with_top)


def test_holding_in_the_future_is_refused(personas: Personas, with_top: ManagementReview) -> None:
    with pytest.raises(ValidationError):
        actions.hold_review(actor=personas.manager, review=with_top, held_on=days(1))


def test_holding_freezes_the_inputs_and_a_later_risk_does_not_change_them(
    personas: Personas, with_top: ManagementReview
) -> None:
    make_risk(personas.org, 1, level_rank=3, level_label="High")
    held = actions.hold_review(actor=personas.manager, review=with_top)
    assert held.status == "held"
    assert held.held_on == days(0)
    assert held.inputs_sha256
    assert held.snapshot_verifies
    frozen = {s.key: dict(s.figures) for s in sections_from_json(held.inputs_snapshot or [])}
    assert frozen["risks"]["Open risks and opportunities"] == 1
    make_risk(personas.org, 2, level_rank=3, level_label="High")
    held.refresh_from_db()
    again = {s.key: dict(s.figures) for s in sections_from_json(held.inputs_snapshot or [])}
    assert again["risks"]["Open risks and opportunities"] == 1
    assert held.snapshot_verifies
    event = AuditEvent.objects.get(verb="review.held")
    assert (event.after or {})["inputs_sha256"] == held.inputs_sha256


def test_a_tampered_snapshot_no_longer_verifies_and_cannot_be_approved(
    personas: Personas, held: ManagementReview
) -> None:
    snapshot = held.inputs_snapshot or []
    snapshot[0]["figures"][0][1] = 999
    ManagementReview.objects.filter(pk=held.pk).update(inputs_snapshot=snapshot)
    held.refresh_from_db()
    assert held.snapshot_verifies is False
    with pytest.raises(ActionError, match="SHA-256"):
        actions.approve_minutes(actor=personas.owner, review=held)


def test_minutes_are_approved_by_an_owner_or_manager_who_took_part(
    personas: Personas, held: ManagementReview
) -> None:
    with pytest.raises(PermissionDenied):
        actions.approve_minutes(actor=personas.contributor, review=held)
    second = ManagementReview.objects.get(pk=held.pk)
    second.chair = None
    second.save()
    ReviewAttendee.objects.filter(review=second, user=personas.manager).delete()
    with pytest.raises(ActionError, match="took part"):
        actions.approve_minutes(actor=personas.manager, review=second)
    approved = actions.approve_minutes(actor=personas.owner, review=second)
    assert approved.status == "approved"
    assert approved.minutes_approved_by == personas.owner
    assert verbs(approved)[-1] == "review.minutes_approved"


def test_approved_minutes_accept_no_more_notes_or_decisions(
    personas: Personas, held: ManagementReview
) -> None:
    approved = actions.approve_minutes(actor=personas.manager, review=held)  # the chair
    with pytest.raises(ActionError):
        actions.record_decision(actor=personas.manager, review=approved, kind="other", text="Late")
    with pytest.raises(ActionError):
        actions.save_discussion(actor=personas.manager, review=approved, section_key="risks", notes="x")


def test_cancelling_needs_a_reason_and_a_planned_review(personas: Personas, review: ManagementReview) -> None:
    with pytest.raises(ValidationError):
        actions.cancel_review(actor=personas.manager, review=review, reason=" ")
    with pytest.raises(PermissionDenied):
        actions.cancel_review(actor=personas.contributor, review=review, reason="Clash")
    cancelled = actions.cancel_review(actor=personas.manager, review=review, reason="Clash with the audit")
    assert cancelled.status == "cancelled"
    with pytest.raises(ActionError):
        actions.cancel_review(actor=personas.manager, review=cancelled, reason="Again")
    assert verbs(cancelled) == ["review.planned", "review.cancelled"]


def test_rewriting_the_snapshot_and_its_digest_together_is_still_detected(
    personas: Personas, held: ManagementReview
) -> None:
    assert queries.inputs_verified(held) is True
    snapshot = held.inputs_snapshot or []
    snapshot[0]["figures"][0][1] = 999
    ManagementReview.objects.filter(pk=held.pk).update(
        inputs_snapshot=snapshot, inputs_sha256=snapshot_digest(snapshot)
    )
    held.refresh_from_db()
    assert held.snapshot_verifies is True  # consistent with itself
    assert queries.inputs_verified(held) is False  # but not with the audit trail
