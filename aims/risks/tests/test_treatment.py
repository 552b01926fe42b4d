"""Planning a treatment: option, controls, residual rating; and the treatment plan's actions."""

from datetime import date
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.controls.models import Control
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.models import RiskAssessment, TreatmentAction


def test_an_editor_plans_a_treatment_with_controls_and_a_residual_rating(personas, treated, control):
    assert (treated.status, treated.treatment_option) == ("treated", "modify")
    assert list(treated.controls.all()) == [control]
    assert (treated.residual_level_key, treated.residual_criteria.version) == ("medium", 1)
    assert RiskAssessment.objects.filter(risk=treated, stage="residual").count() == 1
    event = AuditEvent.objects.get(verb="risk.treatment_planned")
    assert event.after is not None
    assert event.after["controls"] == ["ORG-001"]


def test_a_risk_must_be_assessed_before_it_is_treated(personas, risk, control):
    with pytest.raises(ActionError):
        actions.plan_treatment(
            actor=personas.manager,
            risk=risk,
            option="modify",
            plan="p",
            controls=[control],
            residual_likelihood=1,
            residual_consequence=1,
        )


def test_bad_treatments_are_refused(personas, assessed, control):
    theirs = Control.objects.create(organization=personas.other_org, reference="G-1", title="G")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"option": "ignore", "controls": [control]}, "treatment_option"),
        ({"option": "modify", "controls": []}, "controls"),
        ({"option": "share", "controls": [theirs]}, "controls"),
        ({"option": "modify", "controls": [control], "plan": " "}, "treatment_plan"),
        (
            {"option": "modify", "controls": [control], "residual_likelihood": 5, "residual_consequence": 5},
            "residual_likelihood",
        ),
    ]
    for values, field in cases:
        kwargs: dict[str, Any] = {"plan": "p", "residual_likelihood": 1, "residual_consequence": 1, **values}
        with pytest.raises(ValidationError) as error:
            actions.plan_treatment(actor=personas.manager, risk=assessed, **kwargs)
        assert field in error.value.message_dict, values
    assessed.refresh_from_db()
    assert assessed.status == "assessed"


def test_a_viewer_cannot_plan_a_treatment(personas, assessed):
    with pytest.raises(PermissionDenied):
        actions.plan_treatment(
            actor=personas.viewer,
            risk=assessed,
            option="retain",
            plan="p",
            controls=[],
            residual_likelihood=1,
            residual_consequence=1,
        )


def test_treatment_actions_are_added_and_completed_with_audit_events(personas, treated):
    action = actions.add_treatment_action(
        actor=personas.contributor,
        risk=treated,
        title="Run fairness tests",
        owner=personas.viewer,
        due_on=date(2030, 1, 1),
    )
    assert action.status == "open"
    done = actions.complete_treatment_action(actor=personas.manager, action=action, outcome="Report FT-7")
    assert (done.status, done.completed_by) == ("done", personas.manager)
    with pytest.raises(ActionError):
        actions.complete_treatment_action(actor=personas.manager, action=action)
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"risk.action_added", "risk.action_completed"} <= verbs


def test_treatment_actions_refuse_outsiders_and_bad_owners(personas, treated):
    with pytest.raises(ValidationError):
        actions.add_treatment_action(actor=personas.manager, risk=treated, title="X", owner=personas.outsider)
    with pytest.raises(ValidationError):
        actions.add_treatment_action(actor=personas.manager, risk=treated, title="")
    with pytest.raises(PermissionDenied):
        actions.add_treatment_action(actor=personas.viewer, risk=treated, title="X")
    action = actions.add_treatment_action(actor=personas.manager, risk=treated, title="X")
    with pytest.raises(PermissionDenied):
        actions.complete_treatment_action(actor=personas.auditor, action=action)
    assert TreatmentAction.objects.get().status == "open"


def test_a_control_excluded_from_the_soa_cannot_treat_a_risk(personas, assessed):
    excluded = Control.objects.create(
        organization=personas.org,
        reference="ORG-009",
        title="Manual review",
        decision="excluded",
        exclusion_justification="No manual review in this business.",
    )
    with pytest.raises(ValidationError) as error:
        actions.plan_treatment(
            actor=personas.manager,
            risk=assessed,
            option="modify",
            plan="p",
            controls=[excluded],
            residual_likelihood=1,
            residual_consequence=1,
        )
    assert "ORG-009" in error.value.message_dict["controls"][0]
    assessed.refresh_from_db()
    assert assessed.status == "assessed"
