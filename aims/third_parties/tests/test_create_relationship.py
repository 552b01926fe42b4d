from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.models import Relationship


def test_a_supply_relationship_for_a_system_is_recorded_with_its_event(personas, party, system):
    relationship = actions.create_relationship(
        actor=personas.contributor,
        third_party=party,
        subject=" Hosted language model ",
        ai_system=system,
        contract_reference="MSA-1",
        started_on=date(2025, 1, 1),
        next_review_on=date(2030, 6, 1),
    )
    assert relationship.subject == "Hosted language model"
    assert relationship.organization == personas.org
    assert relationship.is_active
    event = AuditEvent.objects.get(verb="third_party.relationship_created")
    assert event is not None
    assert event.after is not None
    assert event.target_id == str(relationship.pk)
    assert event.after["third_party"] == "SUP-1"
    assert event.after["ai_system"] == "AIS-1"
    assert event.after["next_review_on"] == "2030-06-01"
    party.refresh_from_db()
    assert party.next_review_on == date(2030, 6, 1)


def test_a_relationship_may_cover_the_whole_organisation(personas, party):
    relationship = actions.create_relationship(
        actor=personas.manager, third_party=party, subject="Consulting"
    )
    assert relationship.ai_system is None


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_start_a_relationship(personas, party, persona):
    with pytest.raises(PermissionDenied):
        actions.create_relationship(actor=personas.user(persona), third_party=party, subject="Data")
    assert not Relationship.objects.exists()


def test_a_system_of_another_organisation_is_refused(personas, party):
    foreign = AISystem.objects.create(
        organization=personas.other_org, reference="G-1", name="Globex bot", purpose="Secret"
    )
    with pytest.raises(ValidationError) as caught:
        actions.create_relationship(actor=personas.manager, third_party=party, subject="x", ai_system=foreign)
    assert "ai_system" in caught.value.message_dict
    assert not Relationship.objects.exists()


def test_the_role_must_fit_the_kind_of_third_party(personas, party):
    with pytest.raises(ValidationError) as caught:
        actions.create_relationship(
            actor=personas.manager, third_party=party, subject="x", role=Relationship.Role.CUSTOMER
        )
    assert "recorded as a supplier" in caught.value.message_dict["role"][0]


def test_an_archived_third_party_takes_no_new_relationship(personas, party):
    actions.archive_third_party(actor=personas.manager, third_party=party)
    with pytest.raises(ActionError):
        actions.create_relationship(actor=personas.manager, third_party=party, subject="x")
    assert not Relationship.objects.exists()


def test_a_supplier_rejected_by_its_latest_due_diligence_cannot_supply(personas, party):
    actions.record_due_diligence(
        actor=personas.manager,
        third_party=party,
        outcome="rejected",
        performed_on=timezone.localdate(),
        findings="No data-processing terms.",
    )
    with pytest.raises(ActionError) as caught:
        actions.create_relationship(actor=personas.manager, third_party=party, subject="x")
    assert "rejected" in caught.value.message
    assert not Relationship.objects.exists()


def test_an_archived_system_takes_no_new_relationship(personas, party, system):
    AISystem.objects.filter(pk=system.pk).update(status=AISystem.Status.ARCHIVED)
    system.refresh_from_db()
    with pytest.raises(ActionError):
        actions.create_relationship(actor=personas.manager, third_party=party, subject="x", ai_system=system)


def test_the_next_review_cannot_come_before_the_start(personas, party):
    with pytest.raises(ValidationError) as caught:
        actions.create_relationship(
            actor=personas.manager,
            third_party=party,
            subject="x",
            started_on=date(2025, 1, 1),
            next_review_on=date(2025, 1, 1) - timedelta(days=1),
        )
    assert "next_review_on" in caught.value.message_dict
