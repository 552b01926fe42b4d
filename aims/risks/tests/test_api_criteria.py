"""/api/v1/risks/criteria and the heat map endpoint."""

from aims.risks.levels import DEFAULT_SPEC
from aims.risks.tests.conftest import post_json
from aims.risks.tests.test_level_calculation import THREE
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/risks/criteria?organization=acme"


def test_every_member_reads_the_criteria_and_the_default_ships(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    current = personas.client("viewer").get("/api/v1/risks/criteria/current?organization=acme").json()
    assert (current["version"], current["state"]) == (1, "in_force")
    assert current["matrix"] == [list(row) for row in DEFAULT_SPEC.matrix]
    assert [level["acceptable_by"] for level in current["levels"]] == [
        ["owner", "manager"],
        ["owner", "manager"],
        ["owner"],
        [],
    ]
    assert (
        personas.client("outsider").get("/api/v1/risks/criteria/current?organization=acme").status_code == 404
    )


def test_a_manager_drafts_criteria_and_only_an_owner_approves(personas):
    data = {**THREE.to_json(), "notes": "Simpler"}
    assert_refused(
        personas,
        "POST",
        URL,
        ("anonymous", "outsider", "viewer", "auditor", "contributor"),
        data=data,
        api=True,
    )
    response = post_json(personas.client("manager"), URL, data)
    assert response.status_code == 201, response.content
    draft = response.json()
    assert (draft["version"], draft["state"]) == (1, "draft")
    approve = f"/api/v1/risks/criteria/{draft['id']}/approve"
    assert_refused(personas, "POST", approve, ("viewer", "manager", "outsider"), data={}, api=True)
    assert post_json(personas.client("owner"), approve, {}).json()["state"] == "in_force"


def test_malformed_criteria_are_422_with_the_reason(personas):
    data = {**THREE.to_json(), "matrix": [["low"]]}
    response = post_json(personas.client("owner"), URL, data)
    assert response.status_code == 422
    assert "matrix" in response.json()["error"]["fields"]


def test_the_heat_map_endpoint_counts_open_risks(personas, treated):
    url = "/api/v1/risks/heat-map?organization=acme"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    body = personas.client("viewer").get(url + "&residual=true").json()
    assert (body["residual"], body["total"], body["criteria_version"]) == (True, 1, 1)
    cell = body["rows"][3][3]  # likelihood 2, consequence 4
    assert (cell["likelihood"], cell["consequence"], cell["count"], cell["level_key"]) == (2, 4, 1, "medium")
