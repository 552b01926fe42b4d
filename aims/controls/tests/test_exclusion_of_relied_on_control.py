import pytest

from aims.audit.models import AuditEvent
from aims.controls import actions
from aims.controls.models import Control
from aims.lib.errors import ActionError

from .conftest import exclude


def test_a_control_that_risk_treatments_rely_on_cannot_be_excluded(personas, controls, relied):
    with pytest.raises(ActionError) as caught:
        exclude(personas, controls["A.6.2.4"])
    assert caught.value.message == (
        "A.6.2.4 cannot be excluded: risk treatments rely on it: "
        "RSK-0003 Bias in credit scores, RSK-0007 Drift after retraining."
    )
    assert Control.objects.get(pk=controls["A.6.2.4"].pk).decision == "undecided"
    assert not AuditEvent.objects.filter(verb="control.applicability_set").exists()


def test_reliance_by_risk_treatments_is_reason_enough_to_include(personas, controls, relied):
    control = actions.set_applicability(
        actor=personas.contributor, control=controls["A.6.2.4"], decision="included"
    )
    assert Control.objects.get(pk=control.pk).decision == "included"
    event = AuditEvent.objects.get(verb="control.applicability_set")
    assert (event.after or {})["relied_on_by"] == [
        "RSK-0003 Bias in credit scores",
        "RSK-0007 Drift after retraining",
    ]


def test_other_controls_can_still_be_excluded(personas, controls, relied):
    assert exclude(personas, controls["A.6.2.5"]).decision == "excluded"
