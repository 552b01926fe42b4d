from aims.ai_systems.models import AISystem
from aims.ai_systems.tests.conftest import post_json
from aims.audit.models import AuditEvent
from aims.web.testing import assert_refused

URL = "/api/v1/ai-systems?organization=acme"
DATA = {"name": "Fraud detector", "purpose": "Flag suspicious card payments.", "ai_roles": ["provider"]}


def test_readers_and_outsiders_cannot_register(personas):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), data=DATA, api=True)
    assert not AISystem.objects.exists()


def test_editors_register_a_system(personas):
    for number, persona in enumerate(("owner", "manager", "contributor"), start=1):
        response = post_json(personas.client(persona), URL, {**DATA, "owner": "Viewer@acme.test"})
        assert response.status_code == 201, response.content
        body = response.json()
        assert body["reference"] == f"AIS-{number:03d}"
        assert body["owner"] == "viewer@acme.test"
        assert body["ai_roles"] == ["provider"]
        assert body["status"] == "active"
    assert AuditEvent.objects.filter(verb="ai_system.created").count() == 3


def test_the_organisation_is_required(personas):
    response = post_json(personas.client("manager"), "/api/v1/ai-systems", DATA)
    assert response.status_code == 422
    assert "organization" in response.json()["error"]["fields"]


def test_bad_input_is_422_and_nothing_is_written(personas):
    client = personas.client("manager")
    cases = [
        ({"name": "", "purpose": "x"}, "name"),
        ({**DATA, "ai_roles": ["emperor"]}, "ai_roles.0"),
        ({**DATA, "lifecycle_stage": "hibernation"}, "lifecycle_stage"),
        ({**DATA, "status": "archived"}, "status"),
        ({**DATA, "owner": "outsider@globex.test"}, "owner"),
        ({**DATA, "next_review_on": "soon"}, "next_review_on"),
    ]
    for data, field in cases:
        response = post_json(client, URL, data)
        assert response.status_code == 422, data
        assert field in response.json()["error"]["fields"], response.json()
    assert not AISystem.objects.exists()


def test_a_reference_in_use_is_422(personas):
    client = personas.client("manager")
    post_json(client, URL, {**DATA, "reference": "FR-1"})
    response = post_json(client, URL, {**DATA, "reference": "FR-1"})
    assert response.status_code == 422
    assert "already used" in response.json()["error"]["fields"]["reference"][0]


def test_contributor_cannot_register_straight_into_deployment(personas):
    response = post_json(personas.client("contributor"), URL, {**DATA, "lifecycle_stage": "deployment"})
    assert response.status_code == 403
    assert "owner or manager" in response.json()["error"]["message"]
    assert not AISystem.objects.exists()
