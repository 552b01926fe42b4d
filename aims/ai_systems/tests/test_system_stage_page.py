from aims.ai_systems.models import StageChange
from aims.web.testing import assert_allowed, assert_refused

EDITORS = ("owner", "manager", "contributor")
REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def _url(system):
    return f"/o/acme/systems/{system.pk}/stage/"


def test_the_stage_form_is_for_editors_only(personas, system):
    assert_allowed(personas, "GET", _url(system), EDITORS)
    assert_refused(personas, "GET", _url(system), REFUSED)
    assert_refused(personas, "POST", _url(system), REFUSED, data={"stage": "design_development"})
    assert not StageChange.objects.exists()


def test_contributor_moves_a_system_to_design(personas, system):
    response = personas.client("contributor").post(
        _url(system), {"stage": "design_development", "note": "Kick-off."}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/systems/{system.pk}/"
    change = StageChange.objects.get()
    assert (change.to_stage, change.note, change.approved_by) == ("design_development", "Kick-off.", None)


def test_contributor_is_told_that_deployment_needs_an_approver(personas, system):
    response = personas.client("contributor").post(_url(system), {"stage": "deployment"})
    assert response.status_code == 403
    assert "needs the approval of an owner or manager" in response.content.decode()
    assert not StageChange.objects.exists()


def test_manager_moving_to_deployment_is_recorded_as_approver(personas, system):
    response = personas.client("manager").post(_url(system), {"stage": "deployment"})
    assert response.status_code == 302
    assert StageChange.objects.get().approved_by == personas.manager


def test_the_same_stage_or_an_unknown_one_is_a_form_error(personas, system):
    same = personas.client("manager").post(_url(system), {"stage": "inception"})
    assert same.status_code == 422
    assert "already in inception" in same.content.decode()
    unknown = personas.client("manager").post(_url(system), {"stage": "hibernation"})
    assert unknown.status_code == 422
    assert not StageChange.objects.exists()


def test_another_organisations_system_cannot_change_stage(personas, foreign_system):
    response = personas.client("owner").post(_url(foreign_system), {"stage": "design_development"})
    assert response.status_code == 404
    assert not StageChange.objects.exists()
