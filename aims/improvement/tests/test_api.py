from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.improvement import actions
from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.improvement.tests.conftest import post_json, raise_one, with_done_action
from aims.incidents import actions as incident_actions
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/improvement/nonconformities"
IMP = "/api/v1/improvement/opportunities"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]
TODAY = timezone.localdate().isoformat()


def _new(**overrides: Any) -> dict[str, Any]:
    return {
        "title": "Logs deleted too early",
        "description": "Event logs of AIS-002 were kept 7 days.",
        "source": "audit",
        "grade": "major",
        **overrides,
    }


def test_members_list_their_organisations_nonconformities_only(
    personas: Personas, nc: Nonconformity, foreign: Nonconformity
) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    rows = personas.client("viewer").get(url).json()["items"]
    assert [row["reference"] for row in rows] == ["NC-0001"]
    assert rows[0]["owner"] == personas.manager.email


def test_list_filters(personas: Personas, nc: Nonconformity) -> None:
    raise_one(personas, grade="major", owner=personas.contributor)
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    assert [r["reference"] for r in client.get(f"{url}&grade=major").json()["items"]] == ["NC-0002"]
    assert [r["reference"] for r in client.get(f"{url}&owner={personas.manager.email}").json()["items"]] == [
        "NC-0001"
    ]
    assert client.get(f"{url}&overdue=true").json()["items"] == []
    Nonconformity.objects.filter(pk=nc.pk).update(due_on=timezone.localdate() - timedelta(days=1))
    assert [r["reference"] for r in client.get(f"{url}&overdue=true").json()["items"]] == ["NC-0001"]
    assert client.get(f"{url}&owner=nobody@x.test").status_code == 422


def test_list_query_count_does_not_grow_with_rows(personas: Personas, django_assert_num_queries: Any) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    for count in (2, 8):
        for _ in range(count):
            raise_one(personas)
        with django_assert_num_queries(5):
            assert client.get(url).status_code == 200


def test_create_with_incident_and_requirement_references(personas: Personas, catalog: None) -> None:
    system = AISystem.objects.create(organization=personas.org, reference="AIS-001", name="Bot", purpose="x")
    now = timezone.now()
    incident = incident_actions.record_incident(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], title="Wrong refunds",
        what_happened="x", severity="high", detected_on=timezone.localdate(now),
        became_aware_at=now - timedelta(hours=1),
    )  # fmt: skip
    url = f"{BASE}?organization={personas.org.slug}"
    data = _new(incident="inc-0001", requirement="A.8.4", owner=personas.manager.email, source="incident")
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 201
    body = response.json()
    assert (body["reference"], body["incident"], body["requirement"]) == (
        "NC-0001",
        incident.reference,
        "A.8.4",
    )
    assert body["actions"] == []


def test_create_names_unknown_references_and_writes_nothing(personas: Personas, catalog: None) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    client = personas.client("contributor")
    for field, value in (("incident", "INC-0404"), ("requirement", "Z.1"), ("owner", "outsider@globex.test")):
        response = post_json(client, url, _new(**{field: value}))
        assert response.status_code == 422
        assert field in response.json()["error"]["fields"]
    assert post_json(client, url, _new(grade="huge")).status_code == 422
    assert not Nonconformity.objects.exists()


def test_detail_and_patch(personas: Personas, nc: Nonconformity, foreign: Nonconformity) -> None:
    url = f"{BASE}/{nc.pk}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert personas.client("owner").get(f"{BASE}/{foreign.pk}").status_code == 404
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"title": "x"}, api=True)
    response = post_json(
        personas.client("contributor"), url, {"title": "Renamed", "owner": None}, method="patch"
    )
    assert response.status_code == 200
    assert (response.json()["title"], response.json()["owner"]) == ("Renamed", None)


def test_the_whole_cycle_through_the_api(personas: Personas, nc: Nonconformity) -> None:
    url = f"{BASE}/{nc.pk}"
    editor, owner = personas.client("contributor"), personas.client("owner")
    correction = {"correction": "Booked.", "corrected_on": TODAY}
    assert_refused(personas, "POST", f"{url}/correction", NOT_EDITORS, data=correction, api=True)
    assert (
        post_json(editor, f"{url}/correction", correction).json()["corrected_by"]
        == personas.contributor.email
    )
    cause = {
        "cause_method": "five_whys",
        "cause_steps": [{"why": "Why?", "because": "No reminder."}],
        "root_cause": "No reminder.",
        "aims_changes": "Procedure updated.",
    }
    assert_refused(personas, "POST", f"{url}/root-cause", NOT_EDITORS, data=cause, api=True)
    too_many = {**cause, "cause_steps": [{"why": "a", "because": "b"}] * 6}
    assert post_json(editor, f"{url}/root-cause", too_many).status_code == 422
    extra = {**cause, "cause_steps": [{"why": "a", "because": "b", "who": "c"}]}
    assert post_json(editor, f"{url}/root-cause", extra).status_code == 422
    assert post_json(editor, f"{url}/root-cause", cause).json()["cause_steps"] == cause["cause_steps"]
    action = {"description": "Add reminders.", "owner": personas.contributor.email, "due_on": TODAY}
    assert_refused(personas, "POST", f"{url}/actions", NOT_EDITORS, data=action, api=True)
    created = post_json(editor, f"{url}/actions", action)
    assert created.status_code == 201
    action_url = f"{url}/actions/{created.json()['id']}"
    assert post_json(editor, action_url, {"notes": "Ticket 9"}, method="patch").json()["notes"] == "Ticket 9"
    assert_refused(personas, "POST", f"{action_url}/complete", NOT_EDITORS, data={}, api=True)
    assert post_json(editor, f"{action_url}/complete", {}).json()["status"] == "done"
    assert post_json(editor, f"{action_url}/cancel", {"reason": "x"}).status_code == 409
    assert post_json(owner, f"{url}/close", {}).status_code == 409
    assert_refused(personas, "POST", f"{url}/request-verification", NOT_EDITORS, api=True)
    assert post_json(editor, f"{url}/request-verification", {}).json()["status"] == "verification"
    verify = {"outcome": "effective", "notes": "Held."}
    assert_refused(personas, "POST", f"{url}/verify", NOT_DECIDERS, data=verify, api=True)
    refused = post_json(personas.client("manager"), f"{url}/verify", verify)
    assert refused.status_code == 403
    assert "independent" in refused.json()["error"]["message"]
    assert post_json(owner, f"{url}/verify", verify).json()["checks"][0]["outcome"] == "effective"
    assert_refused(personas, "POST", f"{url}/close", NOT_DECIDERS, api=True)
    closed = post_json(owner, f"{url}/close", {}).json()
    assert (closed["status"], closed["closed_on"]) == ("closed", TODAY)
    assert_refused(personas, "POST", f"{url}/reopen", NOT_DECIDERS, data={"reason": "x"}, api=True)
    assert post_json(owner, f"{url}/reopen", {"reason": "Recurred."}).json()["status"] == "action"


def test_an_action_of_another_nonconformity_is_not_found(
    personas: Personas, nc: Nonconformity, awaiting: Nonconformity
) -> None:
    other = raise_one(personas)
    action = awaiting.actions.get()
    response = post_json(
        personas.client("owner"), f"{BASE}/{other.pk}/actions/{action.pk}/cancel", {"reason": "x"}
    )
    assert response.status_code == 404


def test_opportunities_through_the_api(
    personas: Personas, opportunity: ImprovementOpportunity, foreign_opportunity: ImprovementOpportunity
) -> None:
    url = f"{IMP}?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert [r["reference"] for r in personas.client("viewer").get(url).json()["items"]] == ["IMP-0001"]
    data = {"title": "Idea", "description": "d", "source": "review", "owner": personas.manager.email}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    created = post_json(personas.client("contributor"), url, data)
    assert created.status_code == 201
    item = f"{IMP}/{created.json()['id']}"
    assert_permission_matrix(personas, "GET", item, MEMBERS, api=True)
    assert personas.client("owner").get(f"{IMP}/{foreign_opportunity.pk}").status_code == 404
    assert_refused(personas, "PATCH", item, NOT_EDITORS, data={"title": "x"}, api=True)
    assert post_json(personas.client("contributor"), item, {"title": "Better"}, method="patch").json()[
        "title"
    ] == ("Better")
    decide = {"decision": "accepted", "reason": "Yes."}
    assert_refused(personas, "POST", f"{item}/decide", NOT_DECIDERS, data=decide, api=True)
    assert post_json(personas.client("manager"), f"{item}/decide", decide).json()["status"] == "accepted"
    assert_refused(personas, "POST", f"{item}/start", NOT_EDITORS, api=True)
    assert post_json(personas.client("contributor"), f"{item}/start", {}).json()["status"] == "in_progress"
    done = post_json(personas.client("contributor"), f"{item}/complete", {"outcome": "Done well."}).json()
    assert (done["status"], done["outcome"]) == ("done", "Done well.")
    assert post_json(personas.client("manager"), f"{item}/decide", decide).status_code == 409


def test_opportunity_list_query_count_does_not_grow(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    client = personas.client("viewer")
    url = f"{IMP}?organization={personas.org.slug}"
    for count in (2, 8):
        for _ in range(count):
            actions.record_opportunity(
                actor=personas.contributor,
                organization=personas.org,
                title="I",
                description="d",
                source="other",
            )
        with django_assert_num_queries(5):
            assert client.get(url).status_code == 200


def test_verifying_twice_in_one_round_is_refused(personas: Personas, nc: Nonconformity) -> None:
    with_done_action(personas, nc)
    actions.request_verification(actor=personas.contributor, nonconformity=nc)
    url = f"{BASE}/{nc.pk}/verify"
    assert post_json(personas.client("owner"), url, {"outcome": "effective", "notes": "x"}).status_code == 200
    assert post_json(personas.client("owner"), url, {"outcome": "effective", "notes": "x"}).status_code == 409
