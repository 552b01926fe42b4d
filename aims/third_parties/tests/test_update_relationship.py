from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions


def test_an_update_records_the_changed_fields_with_the_system_by_reference(personas, relationship):
    updated = actions.update_relationship(
        actor=personas.contributor,
        relationship=relationship,
        changes={"ai_system": None, "contract_reference": "MSA-2", "next_review_on": date(2029, 1, 1)},
    )
    assert updated.ai_system is None
    event = AuditEvent.objects.get(verb="third_party.relationship_updated")
    assert event.before == {
        "ai_system": "AIS-1",
        "contract_reference": "MSA-1",
        "next_review_on": "2030-01-01",
    }
    assert event.after == {"ai_system": None, "contract_reference": "MSA-2", "next_review_on": "2029-01-01"}
    relationship.third_party.refresh_from_db()
    assert relationship.third_party.next_review_on == date(2029, 1, 1)


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_change_a_relationship(personas, relationship, persona):
    with pytest.raises(PermissionDenied):
        actions.update_relationship(
            actor=personas.user(persona), relationship=relationship, changes={"notes": "x"}
        )


def test_an_ended_relationship_is_kept_as_it_was(personas, relationship):
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    with pytest.raises(ActionError):
        actions.update_relationship(actor=personas.manager, relationship=relationship, changes={"notes": "x"})


def test_an_update_is_validated_before_it_is_written(personas, relationship):
    with pytest.raises(ValidationError) as caught:
        actions.update_relationship(
            actor=personas.manager, relationship=relationship, changes={"next_review_on": date(2024, 1, 1)}
        )
    assert "next_review_on" in caught.value.message_dict
    relationship.refresh_from_db()
    assert relationship.next_review_on == date(2030, 1, 1)
    assert not AuditEvent.objects.filter(verb="third_party.relationship_updated").exists()
