import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems import actions
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_update_records_only_the_changed_fields(personas, system):
    actions.update_ai_system(
        actor=personas.contributor,
        system=system,
        changes={
            "name": "Support chatbot",  # unchanged
            "purpose": "Answer questions at night.",
            "owner": personas.owner,
            "next_review_on": datetime.date(2027, 1, 31),
        },
    )
    system.refresh_from_db()
    assert system.purpose == "Answer questions at night."
    assert system.owner == personas.owner
    event = AuditEvent.objects.get(verb="ai_system.updated")
    assert event.before == {
        "purpose": "Answer customers' questions.",
        "owner": "manager@acme.test",
        "next_review_on": None,
    }
    assert event.after == {
        "purpose": "Answer questions at night.",
        "owner": "owner@acme.test",
        "next_review_on": "2027-01-31",
    }
    assert system.history.first().history_user == personas.contributor


def test_an_update_that_changes_nothing_writes_nothing(personas, system):
    updated_at = system.updated_at
    actions.update_ai_system(actor=personas.manager, system=system, changes={"name": "Support chatbot"})
    system.refresh_from_db()
    assert system.updated_at == updated_at
    assert not AuditEvent.objects.filter(verb="ai_system.updated").exists()


@pytest.mark.parametrize("role", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_update(personas, system, role):
    with pytest.raises(PermissionDenied):
        actions.update_ai_system(actor=getattr(personas, role), system=system, changes={"name": "Hacked"})
    system.refresh_from_db()
    assert system.name == "Support chatbot"


def test_invalid_changes_are_refused_and_nothing_is_written(personas, system):
    with pytest.raises(ValidationError) as raised:
        actions.update_ai_system(
            actor=personas.manager, system=system, changes={"name": "", "automation_level": "telepathic"}
        )
    assert set(raised.value.message_dict) == {"name", "automation_level"}
    assert system.name == "Support chatbot"  # the object in memory is left as it was
    system.refresh_from_db()
    assert system.name == "Support chatbot"
    assert not AuditEvent.objects.filter(verb="ai_system.updated").exists()


def test_the_new_owner_must_be_a_member(personas, system):
    with pytest.raises(ValidationError):
        actions.update_ai_system(actor=personas.manager, system=system, changes={"owner": personas.outsider})


def test_the_reference_cannot_take_one_in_use(personas, system):
    other = actions.register_ai_system(
        actor=personas.manager, organization=personas.org, name="B", purpose="P"
    )
    with pytest.raises(ValidationError) as raised:
        actions.update_ai_system(
            actor=personas.manager, system=other, changes={"reference": system.reference}
        )
    assert "reference" in raised.value.message_dict


def test_the_status_can_go_to_draft_but_not_to_archived(personas, system):
    actions.update_ai_system(actor=personas.manager, system=system, changes={"status": "draft"})
    assert system.status == "draft"
    with pytest.raises(ValidationError):
        actions.update_ai_system(actor=personas.manager, system=system, changes={"status": "archived"})


def test_an_archived_system_cannot_be_edited(personas, system):
    actions.archive_ai_system(actor=personas.manager, system=system)
    with pytest.raises(ActionError, match="restore it"):
        actions.update_ai_system(actor=personas.manager, system=system, changes={"name": "New"})
