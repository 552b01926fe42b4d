"""The review pages: who may see and use them, tenant isolation, forms, htmx notes and query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from aims.reviews import actions
from aims.reviews.models import ManagementReview, ReviewAction, ReviewDecision, ReviewDiscussion
from aims.reviews.tests.conftest import days
from aims.web.testing import EVERYONE, ROLES, Personas, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")


def url(name: str, **kwargs: Any) -> str:
    return reverse(f"reviews:{name}", kwargs={"org": "acme", **kwargs})


def test_every_member_reads_the_lists_and_the_review(personas: Personas, held: ManagementReview) -> None:
    for page in (url("review_list"), url("action_list"), url("review_detail", pk=held.pk)):
        assert_permission_matrix(personas, "GET", page, ROLES)
    response = personas.client("viewer").get(url("review_minutes_pdf", pk=held.pk))
    assert response["Content-Type"] == "application/pdf"
    assert_refused(personas, "GET", url("review_minutes_pdf", pk=held.pk), ["anonymous", "outsider"])


def test_planning_pages_are_for_editors(personas: Personas, review: ManagementReview) -> None:
    for page in (url("review_create"), url("review_edit", pk=review.pk)):
        assert_permission_matrix(personas, "GET", page, EDITORS)


def test_an_editor_plans_a_review_through_the_form(personas: Personas) -> None:
    client = personas.client("contributor")
    data = {"title": "Annual review", "planned_on": days(20).isoformat(), "place": "Online", "chair": ""}
    response = client.post(url("review_create"), data)
    created = ManagementReview.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("review_detail", pk=created.pk)
    assert (created.period_end, created.place) == (days(20), "Online")


def test_the_plan_form_shows_errors_and_writes_nothing(personas: Personas) -> None:
    response = personas.client("manager").post(url("review_create"), {"title": "", "planned_on": ""})
    assert response.status_code == 422
    assert not ManagementReview.objects.exists()


def test_outsiders_never_see_another_organisations_review(
    personas: Personas, foreign: ManagementReview
) -> None:
    client = personas.client("owner")
    assert client.get(url("review_detail", pk=foreign.pk)).status_code == 404
    assert client.get(url("review_minutes_pdf", pk=foreign.pk)).status_code == 404
    assert client.post(url("review_hold", pk=foreign.pk)).status_code == 404
    assert foreign.reference not in client.get(url("review_list")).content.decode()


def test_the_review_page_shows_live_inputs_and_attendees(
    personas: Personas, with_top: ManagementReview
) -> None:
    body = personas.client("viewer").get(url("review_detail", pk=with_top.pk)).content.decode()
    assert "Actions from previous management reviews" in body
    assert "AI risks and their treatment" in body
    assert "Compiled live" in body
    assert "Chief executive" in body
    assert "Record the meeting as held" not in body  # viewers have no buttons
    body = personas.client("manager").get(url("review_detail", pk=with_top.pk)).content.decode()
    assert "Record the meeting as held" in body


def test_holding_through_the_button_needs_a_decider(personas: Personas, with_top: ManagementReview) -> None:
    assert_refused(
        personas, "POST", url("review_hold", pk=with_top.pk), ["anonymous", "outsider", "contributor"]
    )
    response = personas.client("manager").post(url("review_hold", pk=with_top.pk), {"held_on": ""})
    assert response.status_code == 302
    with_top.refresh_from_db()
    assert with_top.status == "held"
    assert with_top.snapshot_verifies
    body = personas.client("viewer").get(url("review_detail", pk=with_top.pk)).content.decode()
    assert "verifies" in body
    assert with_top.inputs_sha256 in body


def test_holding_without_top_management_shows_the_rule(personas: Personas, review: ManagementReview) -> None:
    response = personas.client("manager").post(url("review_hold", pk=review.pk), follow=True)
    assert "top management" in response.content.decode()
    review.refresh_from_db()
    assert review.status == "planned"


def test_attendees_decisions_and_actions_through_the_page(
    personas: Personas, review: ManagementReview
) -> None:
    client = personas.client("contributor")
    added = client.post(
        url("attendee_add", pk=review.pk),
        {
            "attendee-user": personas.owner.pk,
            "attendee-is_top_management": "on",
            "attendee-attendance": "present",
        },
    )
    assert added.status_code == 302
    assert review.attendees.get().is_top_management
    bad = client.post(url("attendee_add", pk=review.pk), {"attendee-attendance": "present"})
    assert bad.status_code == 422
    decided = client.post(
        url("decision_add", pk=review.pk), {"decision-kind": "change", "decision-text": "Do X"}
    )
    assert decided.status_code == 302
    decision = ReviewDecision.objects.get()
    acted = client.post(
        url("action_add", pk=review.pk),
        {
            "action-description": "Do X now",
            "action-decision": decision.pk,
            "action-due_on": days(9).isoformat(),
        },
    )
    assert acted.status_code == 302
    assert ReviewAction.objects.get().decision == decision
    assert_refused(
        personas, "POST", url("decision_add", pk=review.pk), ["anonymous", "outsider", "viewer", "auditor"]
    )


def test_notes_are_saved_in_place_with_htmx(personas: Personas, review: ManagementReview) -> None:
    response = personas.client("contributor").post(
        url("discussion_save", pk=review.pk, key="risks"),
        {"notes": "Fairness first."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "Saved." in response.content.decode()
    assert "<html" not in response.content.decode()
    assert ReviewDiscussion.objects.get().notes == "Fairness first."
    unknown = personas.client("contributor").post(
        url("discussion_save", pk=review.pk, key="nope"), {"notes": "x"}, HTTP_HX_REQUEST="true"
    )
    assert unknown.status_code == 422
    assert_refused(
        personas, "POST", url("discussion_save", pk=review.pk, key="risks"), ["viewer", "outsider"]
    )


def test_action_list_filters_and_buttons(personas: Personas, held: ManagementReview) -> None:
    late = actions.add_review_action(
        actor=personas.contributor, review=held, description="Late one", due_on=days(-1)
    )
    actions.add_review_action(
        actor=personas.contributor, review=held, description="Later one", due_on=days(9)
    )
    body = personas.client("viewer").get(url("action_list"), {"status": "overdue"}).content.decode()
    assert "Late one" in body
    assert "Later one" not in body
    assert personas.client("viewer").get(url("action_list"), {"status": "bogus"}).status_code == 400
    assert_refused(personas, "POST", url("action_complete", pk=late.pk), ["anonymous", "outsider", "viewer"])
    response = personas.client("contributor").post(url("action_complete", pk=late.pk), {"notes": "Done it"})
    assert response.status_code == 302
    late.refresh_from_db()
    assert late.status == "done"
    edit = personas.client("manager").get(url("action_edit", pk=late.pk))
    assert edit.status_code == 200


@pytest.mark.parametrize("count", [2, 30])
def test_list_pages_read_in_a_fixed_number_of_queries(
    personas: Personas, held: ManagementReview, count: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(count):
        actions.plan_review(
            actor=personas.manager, organization=personas.org, title=f"R{n}", planned_on=days(n + 1),
            chair=personas.manager,
        )  # fmt: skip
        actions.add_review_action(
            actor=personas.manager, review=held, description=f"A{n}", owner=personas.viewer
        )
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        assert client.get(url("review_list")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url("action_list")).status_code == 200


def test_anonymous_is_sent_to_sign_in_everywhere(personas: Personas, held: ManagementReview) -> None:
    assert_refused(personas, "GET", url("review_list"), ["anonymous"])
    assert "anonymous" in EVERYONE
