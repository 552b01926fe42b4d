import pytest
from django.core.exceptions import PermissionDenied

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.models import ThirdParty


def test_a_third_party_with_an_active_relationship_cannot_be_archived(personas, relationship):
    with pytest.raises(ActionError) as caught:
        actions.archive_third_party(actor=personas.manager, third_party=relationship.third_party)
    assert "1 active relationship" in caught.value.message
    relationship.third_party.refresh_from_db()
    assert relationship.third_party.status == ThirdParty.Status.ACTIVE


def test_once_its_relationships_have_ended_a_third_party_is_archived_with_the_reason(personas, relationship):
    actions.end_relationship(actor=personas.contributor, relationship=relationship)
    party = actions.archive_third_party(
        actor=personas.contributor,
        third_party=relationship.third_party,
        reason="Replaced by another provider",
    )
    assert party.status == ThirdParty.Status.ARCHIVED
    assert party.archived_at is not None
    event = AuditEvent.objects.get(verb="third_party.archived")
    assert event.before == {"status": "active"}
    assert event.after == {"status": "archived"}
    assert event.data == {"reason": "Replaced by another provider"}


def test_a_third_party_is_archived_only_once(personas, party):
    actions.archive_third_party(actor=personas.manager, third_party=party)
    with pytest.raises(ActionError):
        actions.archive_third_party(actor=personas.manager, third_party=party)
    assert AuditEvent.objects.filter(verb="third_party.archived").count() == 1


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_archive_a_third_party(personas, party, persona):
    with pytest.raises(PermissionDenied):
        actions.archive_third_party(actor=personas.user(persona), third_party=party)
    party.refresh_from_db()
    assert party.status == ThirdParty.Status.ACTIVE
