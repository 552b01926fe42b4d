"""Assessing records the level, the criteria version and who assessed; changing criteria later does not
change past assessments."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.models import RiskAssessment
from aims.risks.tests.test_level_calculation import THREE


def test_an_editor_assesses_a_risk_under_the_criteria_in_force(personas, assessed):
    assert (assessed.status, assessed.level_key, assessed.level_label) == ("assessed", "high", "High")
    assert assessed.criteria is not None
    assert assessed.criteria.version == 1
    assert assessed.assessed_by == personas.contributor
    row = RiskAssessment.objects.get(risk=assessed)
    assert (row.stage, row.likelihood, row.consequence, row.level_key) == ("inherent", 4, 4, "high")
    event = AuditEvent.objects.get(verb="risk.assessed")
    assert event.data["criteria_version"] == 1
    assert event.after is not None
    assert event.after["level_key"] == "high"


def test_new_criteria_apply_to_new_assessments_only(personas, assessed):
    draft = actions.draft_criteria(actor=personas.owner, organization=personas.org, spec=THREE)
    actions.approve_criteria(actor=personas.owner, criteria=draft)
    assessed.refresh_from_db()
    assert (assessed.level_key, assessed.criteria.version) == ("high", 1)
    actions.assess_risk(actor=personas.manager, risk=assessed, likelihood=1, consequence=2)
    assessed.refresh_from_db()
    assert (assessed.level_key, assessed.criteria.version) == ("low", 2)
    history = list(RiskAssessment.objects.filter(risk=assessed).values_list("criteria__version", "level_key"))
    assert history == [(2, "low"), (1, "high")]


def test_a_rating_off_the_scale_is_refused_and_nothing_changes(personas, risk):
    with pytest.raises(ValidationError):
        actions.assess_risk(actor=personas.manager, risk=risk, likelihood=6, consequence=1)
    risk.refresh_from_db()
    assert risk.status == "identified"
    assert not RiskAssessment.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_assess(personas, risk, persona):
    with pytest.raises(PermissionDenied):
        actions.assess_risk(actor=personas.user(persona), risk=risk, likelihood=2, consequence=2)
    assert not RiskAssessment.objects.exists()


def test_reassessing_an_accepted_risk_withdraws_the_acceptance(personas, treated):
    from aims.risks.tests.conftest import next_year

    actions.accept_risk(actor=personas.owner, risk=treated, rationale="Fine", expires_on=next_year())
    actions.assess_risk(actor=personas.manager, risk=treated, likelihood=5, consequence=5)
    treated.refresh_from_db()
    assert (treated.status, treated.accepted_by, treated.level_key) == ("assessed", None, "critical")


def test_a_closed_risk_cannot_be_assessed(personas, risk):
    actions.close_risk(actor=personas.owner, risk=risk, reason="Gone")
    with pytest.raises(ActionError):
        actions.assess_risk(actor=personas.manager, risk=risk, likelihood=2, consequence=2)
