import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.tests.conftest import next_year


def test_a_manager_closes_a_risk_with_a_reason_and_an_editor_reopens_it(personas, treated):
    actions.accept_risk(actor=personas.owner, risk=treated, rationale="r", expires_on=next_year())
    actions.close_risk(actor=personas.manager, risk=treated, reason="System retired")
    treated.refresh_from_db()
    assert (treated.status, treated.closed_reason) == ("closed", "System retired")
    with pytest.raises(ActionError):
        actions.close_risk(actor=personas.manager, risk=treated, reason="Again")
    actions.reopen_risk(actor=personas.contributor, risk=treated, reason="Back in use")
    treated.refresh_from_db()
    assert (treated.status, treated.accepted_by) == ("assessed", None)
    assert AuditEvent.objects.filter(verb__in=["risk.closed", "risk.reopened"]).count() == 2


def test_closing_needs_a_reason_and_an_owner_or_manager(personas, risk):
    with pytest.raises(ValidationError):
        actions.close_risk(actor=personas.manager, risk=risk, reason=" ")
    for persona in ("contributor", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.close_risk(actor=personas.user(persona), risk=risk, reason="r")
    risk.refresh_from_db()
    assert risk.status == "identified"


def test_only_a_closed_risk_is_reopened_and_never_by_a_viewer(personas, risk):
    with pytest.raises(ActionError):
        actions.reopen_risk(actor=personas.manager, risk=risk)
    actions.close_risk(actor=personas.owner, risk=risk, reason="r")
    with pytest.raises(PermissionDenied):
        actions.reopen_risk(actor=personas.viewer, risk=risk)
    actions.reopen_risk(actor=personas.manager, risk=risk)
    risk.refresh_from_db()
    assert risk.status == "identified"
