from aims.people.models import Concern
from aims.people.tests.conftest import post_json
from aims.web.testing import assert_permission_matrix, assert_refused

LIST = "/api/v1/people/concerns?organization=acme"
MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")


def test_every_member_lists_and_reports(personas, system):
    assert_permission_matrix(personas, "GET", LIST, MEMBERS, api=True)
    data = {"category": "safety", "description": "Harmful answer.", "ai_system": system.pk}
    assert_refused(personas, "POST", LIST, ("anonymous", "outsider"), data=data, api=True)
    response = post_json(personas.client("viewer"), LIST, data)
    assert response.status_code == 201, response.content
    assert response.json()["ai_system"] == system.pk
    assert response.json()["status"] == "received"


def test_bad_input_is_422_and_nothing_written(personas):
    client = personas.client("viewer")
    for data in (
        {"category": "gossip", "description": "x"},
        {"category": "other", "description": ""},
        {"category": "other", "description": "x", "ai_system": 999},
    ):
        assert post_json(client, LIST, data).status_code == 422
    assert not Concern.objects.exists()


def test_investigation_through_the_api(personas, concern):
    assign = f"/api/v1/people/concerns/{concern.pk}/assign"
    close = f"/api/v1/people/concerns/{concern.pk}/close"
    assert_refused(
        personas,
        "POST",
        assign,
        ("anonymous", "outsider"),
        data={"investigator": "auditor@acme.test"},
        api=True,
    )
    for persona in ("viewer", "auditor"):  # they may not see it: 404, as if it did not exist
        assert post_json(personas.client(persona), assign, {"investigator": "x@acme.test"}).status_code == 404
    assert (
        post_json(personas.client("contributor"), assign, {"investigator": "auditor@acme.test"}).status_code
        == 403
    )
    assert (
        post_json(personas.client("manager"), assign, {"investigator": "nobody@acme.test"}).status_code == 422
    )
    response = post_json(personas.client("manager"), assign, {"investigator": "auditor@acme.test"})
    assert response.json()["investigator"] == "auditor@acme.test"
    assert post_json(personas.client("auditor"), close, {"outcome": ""}).status_code == 422
    assert post_json(personas.client("auditor"), close, {"outcome": "Fixed."}).json()["status"] == "closed"
    assert post_json(personas.client("manager"), close, {"outcome": "Again"}).status_code == 409
