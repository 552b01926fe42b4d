"""Accepting the residual risk: only by a role the criteria allow at its level, with rationale and expiry."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.tests.conftest import next_year
from aims.risks.tests.test_level_calculation import THREE


def _retain(personas, risk, likelihood, consequence):
    return actions.plan_treatment(
        actor=personas.manager,
        risk=risk,
        option="retain",
        plan="Accept as it is.",
        controls=[],
        residual_likelihood=likelihood,
        residual_consequence=consequence,
    )


def test_a_manager_accepts_a_medium_residual_risk(personas, treated):
    accepted = actions.accept_risk(
        actor=personas.manager, risk=treated, rationale="Within appetite", expires_on=next_year()
    )
    assert (accepted.status, accepted.accepted_by) == ("accepted", personas.manager)
    event = AuditEvent.objects.get(verb="risk.accepted")
    assert (event.data["level"], event.data["criteria_version"]) == ("medium", 1)


def test_high_residual_risk_is_refused_to_a_manager_naming_the_rule(personas, assessed):
    _retain(personas, assessed, 4, 4)
    with pytest.raises(PermissionDenied) as error:
        actions.accept_risk(actor=personas.manager, risk=assessed, rationale="r", expires_on=next_year())
    assert str(error.value) == "High residual risk can only be accepted by an owner."
    assessed.refresh_from_db()
    assert assessed.status == "treated"
    actions.accept_risk(actor=personas.owner, risk=assessed, rationale="r", expires_on=next_year())
    assessed.refresh_from_db()
    assert assessed.status == "accepted"


def test_critical_residual_risk_is_never_acceptable(personas, risk):
    actions.assess_risk(actor=personas.manager, risk=risk, likelihood=5, consequence=5)
    _retain(personas, risk, 5, 5)
    with pytest.raises(ActionError) as error:
        actions.accept_risk(actor=personas.owner, risk=risk, rationale="r", expires_on=next_year())
    assert "Critical residual risk is not acceptable" in error.value.message


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_roles_the_default_criteria_do_not_allow_cannot_accept(personas, treated, persona):
    with pytest.raises(PermissionDenied):
        actions.accept_risk(actor=personas.user(persona), risk=treated, rationale="r", expires_on=next_year())
    assert not AuditEvent.objects.filter(verb="risk.accepted").exists()


def test_custom_criteria_let_a_contributor_accept_and_the_rated_version_decides(personas, risk):
    actions.ensure_default_criteria(personas.org)
    draft = actions.draft_criteria(actor=personas.owner, organization=personas.org, spec=THREE)
    actions.approve_criteria(actor=personas.owner, criteria=draft)
    actions.assess_risk(actor=personas.contributor, risk=risk, likelihood=1, consequence=2)
    _retain(personas, risk, 1, 1)
    actions.accept_risk(actor=personas.contributor, risk=risk, rationale="Low", expires_on=next_year())
    risk.refresh_from_db()
    assert (risk.status, risk.residual_level_key, risk.residual_criteria.version) == ("accepted", "low", 2)


def test_rationale_and_a_future_expiry_are_required(personas, treated):
    today = timezone.localdate()
    for rationale, expires_on, field in [
        (" ", next_year(), "rationale"),
        ("r", None, "expires_on"),
        ("r", today - timedelta(days=1), "expires_on"),
    ]:
        with pytest.raises(ValidationError) as error:
            actions.accept_risk(
                actor=personas.owner, risk=treated, rationale=rationale, expires_on=expires_on
            )
        assert field in error.value.message_dict
    treated.refresh_from_db()
    assert treated.status == "treated"


def test_an_untreated_risk_cannot_be_accepted(personas, assessed):
    with pytest.raises(ActionError):
        actions.accept_risk(actor=personas.owner, risk=assessed, rationale="r", expires_on=next_year())


def test_a_new_treatment_plan_withdraws_the_acceptance(personas, treated, control):
    actions.accept_risk(actor=personas.owner, risk=treated, rationale="r", expires_on=next_year())
    _retain(personas, treated, 2, 3)
    treated.refresh_from_db()
    assert (treated.status, treated.accepted_by, treated.acceptance_rationale) == ("treated", None, "")
