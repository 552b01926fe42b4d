"""The assess, treat, accept, close and reopen pages, and the treatment actions, through the HTML forms."""

from aims.controls.models import Control
from aims.risks.models import Risk, TreatmentAction
from aims.risks.tests.conftest import next_year
from aims.web.testing import assert_allowed, assert_refused

READERS = ("anonymous", "outsider", "viewer", "auditor")


def test_editors_assess_through_the_page_and_readers_are_refused(personas, risk):
    url = f"/o/acme/risks/{risk.pk}/assess/"
    assert_refused(personas, "GET", url, READERS)
    assert_refused(personas, "POST", url, READERS, data={"likelihood": 3, "consequence": 3})
    assert_allowed(personas, "GET", url, ("owner", "manager", "contributor"))
    response = personas.client("contributor").post(url, {"likelihood": 3, "consequence": 3, "note": "Tests"})
    assert response.status_code == 302
    risk.refresh_from_db()
    assert (risk.status, risk.level_key) == ("assessed", "medium")


def test_a_rating_off_the_scale_is_shown_as_a_form_error(personas, risk):
    response = personas.client("manager").post(f"/o/acme/risks/{risk.pk}/assess/", {"likelihood": 9})
    assert response.status_code == 422
    assert "field-error" in response.content.decode()


def test_editors_plan_a_treatment_with_annex_a_controls(personas, assessed, catalog):
    url = f"/o/acme/risks/{assessed.pk}/treat/"
    assert_refused(personas, "GET", url, READERS)
    page = personas.client("manager").get(url).content.decode()
    assert "A.6.2.4" in page
    control = Control.objects.get(organization=personas.org, reference="A.6.2.4")
    data = {
        "option": "modify",
        "plan": "Validate before release",
        "controls": [control.pk],
        "residual_likelihood": 2,
        "residual_consequence": 3,
    }
    response = personas.client("manager").post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assessed.refresh_from_db()
    assert (assessed.status, assessed.residual_level_key) == ("treated", "medium")
    assert list(assessed.controls.values_list("reference", flat=True)) == ["A.6.2.4"]


def test_acceptance_refused_by_the_criteria_is_explained_on_the_page(personas, assessed):
    from aims.risks import actions

    actions.plan_treatment(
        actor=personas.manager,
        risk=assessed,
        option="retain",
        plan="Keep",
        controls=[],
        residual_likelihood=4,
        residual_consequence=4,
    )
    url = f"/o/acme/risks/{assessed.pk}/accept/"
    data = {"rationale": "Within appetite", "expires_on": next_year().isoformat()}
    assert_refused(personas, "POST", url, READERS, data=data)
    response = personas.client("manager").post(url, data)
    assert response.status_code == 403
    assert "High residual risk can only be accepted by an owner." in response.content.decode()
    assert personas.client("owner").post(url, data).status_code == 302
    assessed.refresh_from_db()
    assert (assessed.status, assessed.accepted_by) == ("accepted", personas.owner)


def test_owners_and_managers_close_and_editors_reopen(personas, risk):
    url = f"/o/acme/risks/{risk.pk}/close/"
    assert_refused(personas, "POST", url, (*READERS, "contributor"), data={"reason": "Gone"})
    assert personas.client("manager").post(url, {"reason": ""}).status_code == 422
    assert personas.client("manager").post(url, {"reason": "Gone"}).status_code == 302
    reopen = f"/o/acme/risks/{risk.pk}/reopen/"
    assert_refused(personas, "POST", reopen, READERS)
    assert personas.client("contributor").post(reopen).status_code == 302
    risk.refresh_from_db()
    assert risk.status == Risk.Status.IDENTIFIED


def test_treatment_actions_are_added_and_completed_on_the_risk_page(personas, treated, foreign):
    url = f"/o/acme/risks/{treated.pk}/actions/"
    assert_refused(personas, "POST", url, READERS, data={"title": "X"})
    response = personas.client("contributor").post(
        url, {"title": "Retrain on 2024 data", "due_on": "2031-01-01"}
    )
    assert response.status_code == 302
    action = TreatmentAction.objects.get()
    complete = f"/o/acme/risks/{treated.pk}/actions/{action.pk}/complete/"
    assert_refused(personas, "POST", complete, READERS, data={"outcome": "x"})
    assert personas.client("manager").post(complete, {"outcome": "Done, report R-1"}).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.outcome) == ("done", "Done, report R-1")
    assert (
        personas.client("manager").post(f"/o/acme/risks/{foreign.pk}/actions/", {"title": "X"}).status_code
        == 404
    )
