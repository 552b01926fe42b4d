from aims.policies.models import AIPolicy
from aims.policies.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/policies/ai-policy?organization=acme"


def test_every_member_reads_the_policy_status(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    assert personas.client("viewer").get(URL).json()["exists"] is False


def test_editors_start_the_policy_once(personas):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), api=True)
    response = post_json(personas.client("contributor"), URL, {})
    assert response.status_code == 201
    body = response.json()
    assert (body["exists"], body["reference"], body["current_version"]) == (True, "POL-AI", None)
    assert body["version_in_progress"]["state"] == "draft"
    again = post_json(personas.client("manager"), URL, {})
    assert again.status_code == 409
    assert "has an AI policy already" in again.json()["error"]["message"]
    assert AIPolicy.objects.count() == 1


def test_the_published_version_shows_as_in_force(personas, published_policy):
    body = personas.client("auditor").get(URL).json()
    assert body["current_version"] == {
        "id": published_policy.pk, "number": 1, "state": "published",
        "published_at": body["current_version"]["published_at"],
    }  # fmt: skip
    assert body["version_in_progress"] is None
