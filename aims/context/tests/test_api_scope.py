from aims.context.models import ScopeStatement
from aims.context.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/context/scope?organization=acme"
DATA = {
    "boundaries": "The lending business",
    "ai_roles": ["provider"],
    "exclusions": [{"what": "HR", "reason": "No AI"}],
}


def test_every_member_reads_the_scope(personas, chatbot):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    body = personas.client("viewer").get(URL).json()
    assert body == {"current": None, "versions": [], "systems_in_scope_now": ["AIS-001"]}


def test_a_draft_is_started_then_approved_by_another_manager(personas, chatbot):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), data=DATA, api=True)
    response = post_json(personas.client("manager"), URL, DATA)
    assert response.status_code == 201, response.content
    draft = response.json()
    assert (draft["version"], draft["state"], draft["systems_in_scope"]) == (1, "draft", ["AIS-001"])
    assert post_json(personas.client("manager"), URL, DATA).status_code == 409
    approve = f"/api/v1/context/scope/{draft['id']}/approve"
    assert_refused(
        personas, "POST", approve, ("anonymous", "outsider", "viewer", "auditor", "contributor"), api=True
    )
    assert post_json(personas.client("manager"), approve, {}).status_code == 409  # the author
    response = post_json(personas.client("owner"), approve, {})
    assert response.status_code == 200
    assert response.json()["approved_by"] == "owner@acme.test"
    body = personas.client("auditor").get(URL).json()
    assert body["current"]["version"] == 1
    assert body["current"]["exclusions"] == DATA["exclusions"]


def test_bad_scope_input_is_422_and_another_organisations_scope_is_404(personas, foreign):
    assert post_json(personas.client("manager"), URL, {**DATA, "ai_roles": ["emperor"]}).status_code == 422
    assert post_json(personas.client("manager"), URL, {**DATA, "boundaries": ""}).status_code == 422
    assert not ScopeStatement.objects.filter(organization=personas.org).exists()
    approve = f"/api/v1/context/scope/{foreign['scope'].pk}/approve"
    assert post_json(personas.client("owner"), approve, {}).status_code == 404
