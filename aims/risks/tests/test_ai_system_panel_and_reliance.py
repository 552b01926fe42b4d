"""The AI system page lists the system's risks; the SoA learns which risks rely on a control."""

from aims.controls.reliance import reliances_on
from aims.risks import actions


def test_the_system_page_lists_its_open_risks(personas, treated, system):
    page = personas.client("viewer").get(f"/o/acme/systems/{system.pk}/").content.decode()
    assert "AI risks" in page
    assert "RSK-0001" in page
    assert "?ai_system=AIS-001" in page
    actions.close_risk(actor=personas.owner, risk=treated, reason="Gone")
    assert "RSK-0001" not in personas.client("viewer").get(f"/o/acme/systems/{system.pk}/").content.decode()


def test_the_soa_hears_which_open_risks_rely_on_a_control(
    personas, treated, control, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = reliances_on([control])
    [reliance] = found[control.pk]
    assert (reliance.kind, reliance.reference) == ("risk_treatment", "RSK-0001")
    assert reliance.url == f"/o/acme/risks/{treated.pk}/"
    actions.close_risk(actor=personas.owner, risk=treated, reason="Gone")
    assert reliances_on([control]) == {}
