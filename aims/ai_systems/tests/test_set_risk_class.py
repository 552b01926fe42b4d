import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems import actions
from aims.audit.models import AuditEvent


def test_the_latest_classification_sets_the_risk_class(personas, system):
    actions.set_risk_class(
        actor=personas.contributor, system=system, risk_class="high", source="classification 7"
    )
    system.refresh_from_db()
    assert system.risk_class == "high"
    event = AuditEvent.objects.get(verb="ai_system.risk_class_set")
    assert (event.before, event.after, event.data) == (
        {"risk_class": ""},
        {"risk_class": "high"},
        {"source": "classification 7"},
    )


def test_an_unchanged_class_writes_nothing(personas, system):
    actions.set_risk_class(actor=personas.manager, system=system, risk_class="")
    assert not AuditEvent.objects.filter(verb="ai_system.risk_class_set").exists()


def test_an_unknown_class_is_refused(personas, system):
    with pytest.raises(ValidationError):
        actions.set_risk_class(actor=personas.manager, system=system, risk_class="catastrophic")


@pytest.mark.parametrize("role", ["viewer", "auditor", "outsider"])
def test_readers_cannot_set_the_risk_class(personas, system, role):
    with pytest.raises(PermissionDenied):
        actions.set_risk_class(actor=getattr(personas, role), system=system, risk_class="high")
    system.refresh_from_db()
    assert system.risk_class == ""
