import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.context import actions
from aims.context.models import InterestedParty, Requirement


def test_an_editor_records_a_party_and_its_requirement(personas, party, requirement, obligation):
    assert party.kind == "customers"
    assert requirement.is_addressed is True
    actions.update_requirement(
        actor=personas.manager,
        requirement=requirement,
        changes={"is_addressed": False, "rationale": "Out of scope", "obligation": obligation},
    )
    requirement.refresh_from_db()
    assert (requirement.is_addressed, requirement.obligation) == (False, obligation)
    assert AuditEvent.objects.filter(verb="interested_party.created").count() == 1
    assert AuditEvent.objects.filter(verb="requirement.created").count() == 1
    event = AuditEvent.objects.get(verb="requirement.updated")
    assert event.before is not None
    assert event.before["is_addressed"] is True
    assert event.after is not None
    assert event.after["obligation"] == obligation.pk


def test_a_requirement_needs_a_rationale(personas, party):
    with pytest.raises(ValidationError) as error:
        actions.add_requirement(actor=personas.manager, party=party, description="Explain", rationale="")
    assert "rationale" in error.value.message_dict
    assert not Requirement.objects.exists()


def test_a_requirement_cannot_cite_another_organisations_obligation(personas, party, foreign):
    with pytest.raises(ValidationError) as error:
        actions.add_requirement(
            actor=personas.manager,
            party=party,
            description="X",
            rationale="Y",
            obligation=foreign["obligation"],
        )
    assert "obligation" in error.value.message_dict


def test_party_names_are_unique_in_the_organisation(personas, party):
    with pytest.raises(ValidationError) as error:
        actions.create_party(
            actor=personas.manager, organization=personas.org, name="customers", kind="customers"
        )
    assert "name" in error.value.message_dict
    assert InterestedParty.objects.filter(organization=personas.org).count() == 1


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_change_parties_or_requirements(personas, party, requirement, persona):
    actor = personas.user(persona)
    with pytest.raises(PermissionDenied):
        actions.create_party(actor=actor, organization=personas.org, name="Regulator", kind="regulators")
    with pytest.raises(PermissionDenied):
        actions.update_party(actor=actor, party=party, changes={"name": "X"})
    with pytest.raises(PermissionDenied):
        actions.add_requirement(actor=actor, party=party, description="X", rationale="Y")
    with pytest.raises(PermissionDenied):
        actions.remove_requirement(actor=actor, requirement=requirement)
    assert Requirement.objects.count() == 1


def test_an_editor_renames_a_party_and_removes_a_requirement(personas, party, requirement):
    actions.update_party(actor=personas.manager, party=party, changes={"name": "Business customers"})
    actions.remove_requirement(actor=personas.manager, requirement=requirement)
    party.refresh_from_db()
    assert party.name == "Business customers"
    assert not Requirement.objects.exists()
    assert AuditEvent.objects.filter(verb="interested_party.updated").exists()
    assert AuditEvent.objects.get(verb="requirement.removed").data["description"] == "Explain decisions"
