"""POST /api/v1/risks/{id}/assess|treat|accept|close|reopen and the treatment actions."""

from aims.risks.tests.conftest import next_year, post_json
from aims.web.testing import assert_refused

READERS = ("anonymous", "outsider", "viewer", "auditor")


def test_a_risk_goes_from_identified_to_accepted_through_the_api(personas, risk, catalog):
    base = f"/api/v1/risks/{risk.pk}"
    assert_refused(
        personas, "POST", base + "/assess", READERS, data={"likelihood": 4, "consequence": 3}, api=True
    )
    response = post_json(
        personas.client("contributor"), base + "/assess", {"likelihood": 4, "consequence": 3}
    )
    assert response.status_code == 200, response.content
    assert (response.json()["status"], response.json()["inherent"]["level"]) == ("assessed", "high")
    treat = {
        "option": "modify",
        "plan": "Fairness tests",
        "controls": ["A.6.2.4", "A.7.4"],
        "residual_likelihood": 2,
        "residual_consequence": 3,
    }
    assert_refused(personas, "POST", base + "/treat", READERS, data=treat, api=True)
    response = post_json(personas.client("contributor"), base + "/treat", treat)
    assert response.status_code == 200, response.content
    assert sorted(response.json()["controls"]) == ["A.6.2.4", "A.7.4"]
    assert response.json()["residual"]["level"] == "medium"
    accept = {"rationale": "Within appetite", "expires_on": next_year().isoformat()}
    refused = post_json(personas.client("contributor"), base + "/accept", accept)
    assert refused.status_code == 403
    assert (
        refused.json()["error"]["message"]
        == "Medium residual risk can only be accepted by an owner or a manager."
    )
    response = post_json(personas.client("manager"), base + "/accept", accept)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["accepted_by"]) == ("accepted", "manager@acme.test")


def test_invalid_states_and_inputs_answer_409_and_422(personas, risk):
    base = f"/api/v1/risks/{risk.pk}"
    client = personas.client("owner")
    treat = {"option": "retain", "plan": "p", "residual_likelihood": 1, "residual_consequence": 1}
    assert post_json(client, base + "/treat", treat).status_code == 409
    assert post_json(client, base + "/assess", {"likelihood": 7, "consequence": 1}).status_code == 422
    assert post_json(client, base + "/reopen", {}).status_code == 409
    post_json(client, base + "/assess", {"likelihood": 1, "consequence": 1})
    bad = post_json(client, base + "/treat", {**treat, "controls": ["A.99"]})
    assert bad.status_code == 422
    assert "controls" in bad.json()["error"]["fields"]


def test_close_and_reopen_follow_the_roles(personas, risk, foreign):
    base = f"/api/v1/risks/{risk.pk}"
    assert_refused(
        personas, "POST", base + "/close", (*READERS, "contributor"), data={"reason": "r"}, api=True
    )
    response = post_json(personas.client("manager"), base + "/close", {"reason": "Retired"})
    assert response.json()["status"] == "closed"
    assert_refused(personas, "POST", base + "/reopen", READERS, data={}, api=True)
    assert post_json(personas.client("contributor"), base + "/reopen", {}).json()["status"] == "identified"
    assert (
        post_json(personas.client("owner"), f"/api/v1/risks/{foreign.pk}/close", {"reason": "r"}).status_code
        == 404
    )


def test_treatment_actions_through_the_api(personas, treated):
    base = f"/api/v1/risks/{treated.pk}/actions"
    data = {"title": "Retrain", "owner": "viewer@acme.test", "due_on": "2031-01-01"}
    assert_refused(personas, "POST", base, READERS, data=data, api=True)
    created = post_json(personas.client("contributor"), base, data)
    assert created.status_code == 201
    assert created.json()["owner"] == "viewer@acme.test"
    listed = personas.client("auditor").get(base).json()["items"]
    assert [item["title"] for item in listed] == ["Retrain"]
    done = post_json(
        personas.client("manager"), f"{base}/{created.json()['id']}/complete", {"outcome": "R-1"}
    )
    assert (done.status_code, done.json()["status"]) == (200, "done")
    assert (
        post_json(personas.client("manager"), f"{base}/{created.json()['id']}/complete", {}).status_code
        == 409
    )
