from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.models import Relationship


def test_ending_a_relationship_keeps_it_with_its_date_and_reason(personas, relationship):
    ended = actions.end_relationship(
        actor=personas.contributor, relationship=relationship, reason="Contract expired"
    )
    assert ended.status == Relationship.Status.ENDED
    assert ended.ended_on == timezone.localdate()
    event = AuditEvent.objects.get(verb="third_party.relationship_ended")
    assert event is not None
    assert event.after is not None
    assert event.after["status"] == "ended"
    assert event.data == {"reason": "Contract expired"}
    party = relationship.third_party
    party.refresh_from_db()
    assert party.next_review_on is None


def test_a_relationship_ends_only_once(personas, relationship):
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    with pytest.raises(ActionError):
        actions.end_relationship(actor=personas.manager, relationship=relationship)


def test_a_relationship_cannot_end_in_the_future_or_before_it_started(personas, relationship):
    with pytest.raises(ValidationError):
        actions.end_relationship(
            actor=personas.manager,
            relationship=relationship,
            ended_on=timezone.localdate() + timedelta(days=1),
        )
    with pytest.raises(ValidationError):
        actions.end_relationship(
            actor=personas.manager, relationship=relationship, ended_on=date(2024, 12, 31)
        )
    relationship.refresh_from_db()
    assert relationship.is_active


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_end_a_relationship(personas, relationship, persona):
    with pytest.raises(PermissionDenied):
        actions.end_relationship(actor=personas.user(persona), relationship=relationship)
    relationship.refresh_from_db()
    assert relationship.is_active
