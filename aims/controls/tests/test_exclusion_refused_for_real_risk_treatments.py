"""The same rule end to end, through the risks app's own reliance finder (no test finder)."""

import pytest

from aims.controls.models import Control
from aims.lib.errors import ActionError
from aims.risks.models import Risk

from .conftest import exclude


def _risk(personas, number, title, *controls):
    risk = Risk.objects.create(
        organization=personas.org, number=number, reference=f"RSK-{number:04d}", title=title
    )
    risk.controls.add(*controls)
    return risk


def test_a_control_chosen_by_a_risk_treatment_cannot_be_excluded(personas, controls):
    _risk(personas, 3, "Bias in credit scores", controls["A.6.2.4"])
    _risk(personas, 7, "Drift after retraining", controls["A.6.2.4"], controls["A.7.4"])
    with pytest.raises(ActionError) as caught:
        exclude(personas, controls["A.6.2.4"])
    assert caught.value.message == (
        "A.6.2.4 cannot be excluded: risk treatments rely on it: "
        "RSK-0003 Bias in credit scores, RSK-0007 Drift after retraining."
    )
    assert Control.objects.get(pk=controls["A.6.2.4"].pk).decision == "undecided"


def test_a_closed_risk_no_longer_holds_a_control_in(personas, controls):
    risk = _risk(personas, 3, "Bias in credit scores", controls["A.6.2.4"])
    risk.status = Risk.Status.CLOSED
    risk.save()
    assert exclude(personas, controls["A.6.2.4"]).decision == "excluded"


def test_the_soa_page_shows_the_risks_relying_on_a_control(personas, controls):
    _risk(personas, 3, "Bias in credit scores", controls["A.6.2.4"])
    page = personas.client("viewer").get(f"/o/acme/controls/{controls['A.6.2.4'].pk}/").content.decode()
    assert "RSK-0003</code> Bias in credit scores" in page
    assert "/o/acme/risks/" in page
