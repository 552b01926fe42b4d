from aims.ai_systems import actions
from aims.ai_systems.models import StageChange
from aims.ai_systems.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def _url(system, what):
    return f"/api/v1/ai-systems/{system.pk}/{what}"


def test_readers_cannot_change_the_stage(personas, system):
    assert_refused(
        personas, "POST", _url(system, "stage"), REFUSED, data={"stage": "design_development"}, api=True
    )
    assert not StageChange.objects.exists()


def test_contributor_moves_the_stage_and_manager_approves_deployment(personas, system):
    response = post_json(
        personas.client("contributor"), _url(system, "stage"), {"stage": "design_development"}
    )
    assert response.status_code == 200
    assert response.json()["lifecycle_stage"] == "design_development"
    refused = post_json(personas.client("contributor"), _url(system, "stage"), {"stage": "deployment"})
    assert refused.status_code == 403
    assert "approval of an owner or manager" in refused.json()["error"]["message"]
    approved = post_json(
        personas.client("manager"), _url(system, "stage"), {"stage": "deployment", "note": "OK"}
    )
    assert approved.status_code == 200
    assert approved.json()["stage_approved_by"] == "manager@acme.test"


def test_the_same_stage_is_409_and_an_unknown_one_422(personas, system):
    same = post_json(personas.client("manager"), _url(system, "stage"), {"stage": "inception"})
    assert same.status_code == 409
    assert same.json()["error"]["code"] == "invalid_state"
    assert (
        post_json(personas.client("manager"), _url(system, "stage"), {"stage": "nowhere"}).status_code == 422
    )
    assert not StageChange.objects.exists()


def test_the_stage_history_is_listed(personas, system):
    actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="deployment", note="Go.")
    assert_permission_matrix(personas, "GET", _url(system, "stage-changes"), ROLES, api=True)
    item = personas.client("viewer").get(_url(system, "stage-changes")).json()["items"][0]
    assert (item["from_stage"], item["to_stage"], item["approved_by"], item["note"]) == (
        "inception",
        "deployment",
        "manager@acme.test",
        "Go.",
    )


def test_readers_cannot_archive_or_restore(personas, system):
    assert_refused(personas, "POST", _url(system, "archive"), REFUSED, data={}, api=True)
    actions.archive_ai_system(actor=personas.manager, system=system)
    assert_refused(personas, "POST", _url(system, "restore"), REFUSED, data={}, api=True)
    system.refresh_from_db()
    assert system.status == "archived"


def test_archive_and_restore(personas, system):
    client = personas.client("contributor")
    response = post_json(client, _url(system, "archive"), {"reason": "Replaced."})
    assert response.status_code == 200
    assert response.json()["status"] == "archived"
    assert post_json(client, _url(system, "archive"), {}).status_code == 409
    response = post_json(client, _url(system, "restore"), {})
    assert response.status_code == 200
    assert response.json()["status"] == "active"
    assert post_json(client, _url(system, "restore"), {}).status_code == 409


def test_archive_without_a_body_works(personas, system):
    response = personas.client("manager").post(_url(system, "archive"), content_type="application/json")
    assert response.status_code == 200


def test_another_organisations_system_cannot_be_moved_or_archived(personas, foreign_system):
    client = personas.client("owner")
    assert (
        post_json(client, _url(foreign_system, "stage"), {"stage": "design_development"}).status_code == 404
    )
    assert post_json(client, _url(foreign_system, "archive"), {}).status_code == 404
    foreign_system.refresh_from_db()
    assert (foreign_system.lifecycle_stage, foreign_system.status) == ("inception", "active")
