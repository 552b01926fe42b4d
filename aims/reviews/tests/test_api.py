"""/api/v1/management-reviews: the permission matrix, tenant isolation and the whole flow through the API."""

from __future__ import annotations

from typing import Any

import pytest

from aims.reviews import actions
from aims.reviews.models import ManagementReview, ReviewAction
from aims.reviews.tests.conftest import days, post_json
from aims.web.testing import ROLES, Personas, assert_permission_matrix, assert_refused

API = "/api/v1/management-reviews"


def test_reads_are_for_members(personas: Personas, held: ManagementReview) -> None:
    for path in (
        f"{API}?organization=acme", f"{API}/{held.pk}", f"{API}/{held.pk}/inputs",
        f"{API}/{held.pk}/attendees",
        f"{API}/{held.pk}/decisions", f"{API}/{held.pk}/actions", f"{API}/actions?organization=acme",
        f"{API}/inputs?organization=acme&start={days(-30)}&end={days(0)}", f"{API}/{held.pk}/minutes.pdf",
    ):  # fmt: skip
        assert_permission_matrix(personas, "GET", path, ROLES, api=True)


def test_writes_refuse_viewers_auditors_and_outsiders(personas: Personas, review: ManagementReview) -> None:
    refused = ["anonymous", "outsider", "viewer", "auditor"]
    assert_refused(personas, "POST", f"{API}?organization=acme", refused, api=True,
                   data={"title": "X", "planned_on": days(1).isoformat()})  # fmt: skip
    assert_refused(personas, "PATCH", f"{API}/{review.pk}", refused, api=True, data={"title": "Y"})
    assert_refused(personas, "POST", f"{API}/{review.pk}/attendees", refused, api=True, data={"name": "Z"})
    assert_refused(personas, "POST", f"{API}/{review.pk}/decisions", refused, api=True,
                   data={"kind": "other", "text": "t"})  # fmt: skip
    assert_refused(personas, "POST", f"{API}/{review.pk}/hold", [*refused, "contributor"], api=True, data={})
    assert_refused(personas, "POST", f"{API}/{review.pk}/cancel", [*refused, "contributor"], api=True,
                   data={"reason": "r"})  # fmt: skip
    assert not ManagementReview.objects.exclude(pk=review.pk).exists()


def test_another_organisations_review_is_not_found(personas: Personas, foreign: ManagementReview) -> None:
    client = personas.client("owner")
    for path in (f"{API}/{foreign.pk}", f"{API}/{foreign.pk}/inputs", f"{API}/{foreign.pk}/minutes.pdf"):
        assert client.get(path).status_code == 404
    assert (
        post_json(client, f"{API}/{foreign.pk}/decisions", {"kind": "other", "text": "x"}).status_code == 404
    )
    assert client.get(f"{API}?organization=globex").status_code == 404
    listed = client.get(f"{API}?organization=acme").json()["items"]
    assert foreign.pk not in [r["id"] for r in listed]


def test_the_whole_review_through_the_api(personas: Personas) -> None:
    manager = personas.client("manager")
    created = post_json(
        manager, f"{API}?organization=acme",
        {"title": "Q3 review", "planned_on": days(0).isoformat(), "chair": "manager@acme.test"},
    )  # fmt: skip
    assert created.status_code == 201, created.json()
    review = created.json()
    assert (review["reference"], review["chair"], review["status"]) == (
        "MR-0001",
        "manager@acme.test",
        "planned",
    )
    rid = review["id"]
    refused = post_json(manager, f"{API}/{rid}/hold", {})
    assert refused.status_code == 409
    assert "top management" in refused.json()["error"]["message"]
    added = post_json(
        manager, f"{API}/{rid}/attendees", {"user": "owner@acme.test", "is_top_management": True}
    )
    assert added.status_code == 201
    assert added.json()["name"] == "Owner"
    live = manager.get(f"{API}/{rid}/inputs").json()
    assert live["frozen"] is False
    assert live["sha256"] == ""
    held = post_json(manager, f"{API}/{rid}/hold", {"held_on": days(0).isoformat()})
    assert held.status_code == 200
    assert held.json()["status"] == "held"
    frozen = manager.get(f"{API}/{rid}/inputs").json()
    assert frozen["frozen"]
    assert frozen["verifies"]
    assert frozen["sha256"] == held.json()["inputs_sha256"]
    noted = post_json(manager, f"{API}/{rid}/notes", {"section_key": "risks", "notes": "Fine."})
    assert noted.status_code == 200
    assert noted.json()["notes"] == "Fine."
    decided = post_json(manager, f"{API}/{rid}/decisions", {"kind": "resources", "text": "Hire a tester."})
    assert decided.status_code == 201
    assert decided.json()["number"] == 1
    acted = post_json(
        manager, f"{API}/{rid}/actions",
        {"description": "Open the vacancy", "owner": "contributor@acme.test", "due_on": days(-1).isoformat(),
         "decision": 1},
    )  # fmt: skip
    assert acted.status_code == 201, acted.json()
    action = acted.json()
    assert (action["reference"], action["decision"], action["is_overdue"]) == ("MRA-0001", 1, True)
    overdue = manager.get(f"{API}/actions?organization=acme&status=overdue").json()["items"]
    assert [a["reference"] for a in overdue] == ["MRA-0001"]
    patched = post_json(manager, f"{API}/actions/{action['id']}", {"due_on": days(5).isoformat()}, "patch")
    assert patched.status_code == 200
    assert patched.json()["is_overdue"] is False
    done = post_json(
        personas.client("contributor"), f"{API}/actions/{action['id']}/complete", {"notes": "Done"}
    )
    assert done.json()["status"] == "done"
    approved = post_json(manager, f"{API}/{rid}/approve-minutes", {})
    assert approved.status_code == 200
    assert approved.json()["minutes_approved_by"] == "manager@acme.test"
    late = post_json(manager, f"{API}/{rid}/decisions", {"kind": "other", "text": "Too late"})
    assert late.status_code == 409
    pdf = manager.get(f"{API}/{rid}/minutes.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_validation_errors_answer_422_and_write_nothing(personas: Personas, held: ManagementReview) -> None:
    manager = personas.client("manager")
    bad = post_json(
        manager, f"{API}/{held.pk}/actions", {"description": "x", "owner": "outsider@globex.test"}
    )
    assert bad.status_code == 422
    assert "owner" in bad.json()["error"]["fields"]
    bad = post_json(manager, f"{API}/{held.pk}/actions", {"description": "x", "decision": 7})
    assert bad.status_code == 422
    bad = manager.get(f"{API}/inputs?organization=acme&start={days(0)}&end={days(-5)}")
    assert bad.status_code == 422
    assert not ReviewAction.objects.exists()


def test_cancel_a_planned_review(personas: Personas, review: ManagementReview) -> None:
    response = post_json(personas.client("owner"), f"{API}/{review.pk}/cancel", {"reason": "Moved"})
    assert response.json()["status"] == "cancelled"
    assert response.json()["cancel_reason"] == "Moved"


@pytest.mark.parametrize("count", [2, 30])
def test_list_endpoints_read_in_a_fixed_number_of_queries(
    personas: Personas, held: ManagementReview, count: int, django_assert_max_num_queries: Any
) -> None:
    for n in range(count):
        actions.plan_review(
            actor=personas.manager, organization=personas.org, title=f"R{n}", planned_on=days(n)
        )
        actions.add_review_action(
            actor=personas.manager, review=held, description=f"A{n}", owner=personas.viewer
        )
    client = personas.client("viewer")
    with django_assert_max_num_queries(6):
        assert client.get(f"{API}?organization=acme").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"{API}/actions?organization=acme").status_code == 200
