"""Linking records to AI systems: only within one organisation, once, and never to something archived."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components import actions
from aims.lib.errors import ActionError

KEYS = ["ai_model", "dataset", "resource"]


@pytest.fixture
def records(ai_model, dataset, resource):
    return {"ai_model": ai_model, "dataset": dataset, "resource": resource}


@pytest.mark.parametrize("key", KEYS)
def test_link_and_unlink_with_audit_events(personas, systems, records, key):
    record = records[key]
    other = systems.chatbot if key != "resource" else systems.scoring
    actions.link_component_to_system(actor=personas.contributor, component=record, ai_system=other)
    assert other in record.ai_systems.all()
    actions.unlink_component_from_system(actor=personas.contributor, component=record, ai_system=other)
    assert other not in record.ai_systems.all()
    linked = AuditEvent.objects.get(verb=f"{record.audit_name}.linked")
    unlinked = AuditEvent.objects.get(verb=f"{record.audit_name}.unlinked")
    assert linked.data == unlinked.data == {"ai_system": other.reference}
    assert linked.target_id == str(record.pk)


@pytest.mark.parametrize("key", KEYS)
def test_a_record_cannot_be_linked_to_a_system_of_another_organisation(personas, systems, records, key):
    with pytest.raises(ValidationError) as caught:
        actions.link_component_to_system(
            actor=personas.owner, component=records[key], ai_system=systems.foreign
        )
    assert "same organisation" in caught.value.message_dict["ai_system"][0]
    assert systems.foreign not in records[key].ai_systems.all()


@pytest.mark.parametrize("key", KEYS)
def test_linking_twice_or_unlinking_what_is_not_linked_is_refused(personas, systems, records, key):
    record = records[key]
    linked = record.ai_systems.get()
    with pytest.raises(ActionError):
        actions.link_component_to_system(actor=personas.owner, component=record, ai_system=linked)
    other = systems.chatbot if linked == systems.scoring else systems.scoring
    with pytest.raises(ActionError):
        actions.unlink_component_from_system(actor=personas.owner, component=record, ai_system=other)


def test_nothing_links_to_or_from_archived_records(personas, systems, ai_model):
    AISystem.objects.filter(pk=systems.chatbot.pk).update(status=AISystem.Status.ARCHIVED)
    systems.chatbot.refresh_from_db()
    with pytest.raises(ActionError):
        actions.link_component_to_system(actor=personas.owner, component=ai_model, ai_system=systems.chatbot)
    archived = actions.archive_ai_model(actor=personas.owner, ai_model=ai_model)
    with pytest.raises(ActionError):
        actions.link_component_to_system(actor=personas.owner, component=archived, ai_system=systems.scoring)


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
def test_readers_cannot_link_or_unlink(personas, systems, ai_model, role):
    with pytest.raises(PermissionDenied):
        actions.link_component_to_system(
            actor=personas.user(role), component=ai_model, ai_system=systems.chatbot
        )
    with pytest.raises(PermissionDenied):
        actions.unlink_component_from_system(
            actor=personas.user(role), component=ai_model, ai_system=systems.scoring
        )
    assert list(ai_model.ai_systems.all()) == [systems.scoring]
