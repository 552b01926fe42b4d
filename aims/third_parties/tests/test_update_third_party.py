import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.models import ThirdParty


def test_an_update_records_only_what_changed(personas, party):
    updated = actions.update_third_party(
        actor=personas.manager,
        third_party=party,
        changes={"name": "Lumen Models Inc.", "categories": ["cloud", "model_provider"], "country": ""},
    )
    assert updated.name == "Lumen Models Inc."
    assert updated.categories == ["model_provider", "cloud"]
    event = AuditEvent.objects.get(verb="third_party.updated")
    assert event.before == {"name": "Lumen Models", "categories": ["model_provider"]}
    assert event.after == {"name": "Lumen Models Inc.", "categories": ["model_provider", "cloud"]}


def test_an_update_that_changes_nothing_records_nothing(personas, party):
    actions.update_third_party(
        actor=personas.manager,
        third_party=party,
        changes={"name": "Lumen Models", "categories": ["model_provider"]},
    )
    assert not AuditEvent.objects.filter(verb="third_party.updated").exists()


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_change_a_third_party(personas, party, persona):
    with pytest.raises(PermissionDenied):
        actions.update_third_party(actor=personas.user(persona), third_party=party, changes={"name": "X"})
    party.refresh_from_db()
    assert party.name == "Lumen Models"


def test_an_archived_third_party_is_kept_as_it_was(personas, party):
    actions.archive_third_party(actor=personas.manager, third_party=party)
    with pytest.raises(ActionError):
        actions.update_third_party(actor=personas.manager, third_party=party, changes={"name": "X"})


def test_a_supplier_under_an_active_supply_relationship_cannot_become_only_a_customer(personas, relationship):
    with pytest.raises(ValidationError) as caught:
        actions.update_third_party(
            actor=personas.manager, third_party=relationship.third_party, changes={"kind": "customer"}
        )
    assert "kind" in caught.value.message_dict
    relationship.third_party.refresh_from_db()
    assert relationship.third_party.kind == ThirdParty.Kind.SUPPLIER


def test_archiving_is_not_done_by_an_update(personas, party):
    with pytest.raises(ValidationError) as caught:
        actions.update_third_party(actor=personas.manager, third_party=party, changes={"status": "archived"})
    assert "status" in caught.value.message_dict


def test_an_update_cannot_take_another_partys_reference(personas, party):
    other = actions.create_third_party(
        actor=personas.manager, organization=personas.org, reference="SUP-2", name="Other"
    )
    with pytest.raises(ValidationError) as caught:
        actions.update_third_party(actor=personas.manager, third_party=other, changes={"reference": "SUP-1"})
    assert "reference" in caught.value.message_dict
    other.refresh_from_db()
    assert other.reference == "SUP-2"
