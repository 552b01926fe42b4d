import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.risks import actions
from aims.risks.models import Risk


def test_an_editor_identifies_a_risk_with_the_next_reference_and_an_audit_event(personas, risk, system):
    assert (risk.reference, risk.status, risk.ai_system) == ("RSK-0001", "identified", system)
    opportunity = actions.identify_risk(
        actor=personas.owner, organization=personas.org, kind="opportunity", title="Faster decisions"
    )
    assert opportunity.reference == "RSK-0002"
    assert opportunity.ai_system is None
    event = AuditEvent.objects.get(verb="risk.identified", target_id=str(opportunity.pk))
    assert event.after is not None
    assert event.after["kind"] == "opportunity"


def test_references_are_numbered_per_organisation(personas, risk, foreign):
    assert foreign.reference == "RSK-0001"


def test_annex_c_sources_and_objectives_are_linked(personas, catalog):
    source = CatalogItem.objects.get(ref="C.3.4")
    fairness = CatalogItem.objects.get(ref="C.2.5")
    risk = actions.identify_risk(
        actor=personas.contributor,
        organization=personas.org,
        title="Bias",
        risk_source=source,
        objectives=[fairness],
    )
    assert risk.objectives.get() == fairness
    after = AuditEvent.objects.get(verb="risk.identified").after
    assert after is not None
    assert after["objectives"] == ["C.2.5"]


def test_a_control_is_not_a_risk_source_nor_an_objective(personas, catalog):
    control = CatalogItem.objects.get(ref="A.6.2.4")
    with pytest.raises(ValidationError) as error:
        actions.identify_risk(
            actor=personas.manager, organization=personas.org, title="X", risk_source=control
        )
    assert "risk_source" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        actions.identify_risk(
            actor=personas.manager, organization=personas.org, title="X", objectives=[control]
        )
    assert "objectives" in error.value.message_dict
    assert not Risk.objects.exists()


def test_bad_values_are_refused_before_anything_is_written(personas):
    theirs = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="G")
    cases = [
        ({"title": ""}, "title"),
        ({"title": "X", "kind": "threat"}, "kind"),
        ({"title": "X", "owner": personas.outsider}, "owner"),
        ({"title": "X", "ai_system": theirs}, "ai_system"),
    ]
    for values, field in cases:
        with pytest.raises(ValidationError) as error:
            actions.identify_risk(actor=personas.manager, organization=personas.org, **values)
        assert field in error.value.message_dict
    assert not Risk.objects.exists()


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_identify_risks(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.identify_risk(actor=personas.user(persona), organization=personas.org, title="X")
    assert not Risk.objects.exists()


def test_an_editor_updates_a_risk_and_the_change_is_audited(personas, risk):
    actions.update_risk(
        actor=personas.manager, risk=risk, changes={"title": "Renamed", "existing_controls": "Reviews"}
    )
    risk.refresh_from_db()
    assert (risk.title, risk.existing_controls) == ("Renamed", "Reviews")
    event = AuditEvent.objects.get(verb="risk.updated")
    assert event.before is not None
    assert event.before["title"] == "Unfair scores for thin-file applicants"


def test_a_viewer_cannot_update_a_risk_and_a_closed_risk_is_not_changed(personas, risk):
    with pytest.raises(PermissionDenied):
        actions.update_risk(actor=personas.viewer, risk=risk, changes={"title": "Hacked"})
    actions.close_risk(actor=personas.manager, risk=risk, reason="Duplicate of RSK-0002")
    with pytest.raises(ActionError):
        actions.update_risk(actor=personas.manager, risk=risk, changes={"title": "Late"})
    risk.refresh_from_db()
    assert risk.title == "Unfair scores for thin-file applicants"
