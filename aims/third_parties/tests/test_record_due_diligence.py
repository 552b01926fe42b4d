from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.models import DueDiligence, Outcome

TODAY = timezone.localdate


def _record(personas, party, actor="manager", **values):
    defaults = {"outcome": Outcome.APPROVED, "performed_on": TODAY() - timedelta(days=1)}
    return actions.record_due_diligence(
        actor=personas.user(actor), third_party=party, **{**defaults, **values}
    )


def test_a_manager_records_a_check_performed_by_a_contributor(personas, relationship):
    party = relationship.third_party
    check = _record(
        personas,
        party,
        relationship=relationship,
        performed_by=personas.contributor,
        outcome=Outcome.CONDITIONAL,
        findings="Zero data retention must be on.",
        next_due_on=date(2029, 1, 1),
    )
    assert check.performed_by == personas.contributor
    assert check.recorded_by == personas.manager
    party.refresh_from_db()
    assert party.due_diligence_outcome == Outcome.CONDITIONAL
    assert party.due_diligence_on == check.performed_on
    assert party.next_review_on == date(2029, 1, 1)
    event = AuditEvent.objects.get(verb="third_party.due_diligence_recorded")
    assert event is not None
    assert event.after is not None
    assert event.after["outcome"] == "approved_with_conditions"
    assert event.after["performed_by"] == "contributor@acme.test"
    assert event.after["relationship"] == relationship.pk


@pytest.mark.parametrize("persona", ["contributor", "viewer", "auditor", "outsider"])
def test_only_owners_and_managers_record_an_outcome(personas, party, persona):
    with pytest.raises(PermissionDenied):
        _record(personas, party, actor=persona)
    assert not DueDiligence.objects.exists()


def test_a_check_is_recorded_once_done_and_due_again_later(personas, party):
    with pytest.raises(ValidationError) as caught:
        _record(personas, party, performed_on=TODAY() + timedelta(days=1))
    assert "performed_on" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        _record(personas, party, performed_on=date(2025, 5, 1), next_due_on=date(2025, 5, 1))
    assert "next_due_on" in caught.value.message_dict
    assert not DueDiligence.objects.exists()


@pytest.mark.parametrize("outcome", [Outcome.CONDITIONAL, Outcome.REJECTED])
def test_conditions_and_rejections_must_be_explained(personas, party, outcome):
    with pytest.raises(ValidationError) as caught:
        _record(personas, party, outcome=outcome, findings=" ")
    assert "findings" in caught.value.message_dict


def test_the_check_is_performed_by_a_member_of_the_organisation(personas, party):
    with pytest.raises(ValidationError) as caught:
        _record(personas, party, performed_by=personas.outsider)
    assert "performed_by" in caught.value.message_dict
    assert not DueDiligence.objects.exists()


def test_the_relationship_must_be_the_third_partys_own(personas, relationship):
    other = actions.create_third_party(
        actor=personas.manager, organization=personas.org, reference="SUP-2", name="Other"
    )
    with pytest.raises(ValidationError) as caught:
        _record(personas, other, relationship=relationship)
    assert "relationship" in caught.value.message_dict


def test_no_check_is_recorded_on_an_archived_party_or_an_ended_relationship(personas, relationship):
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    with pytest.raises(ActionError):
        _record(personas, relationship.third_party, relationship=relationship)
    actions.archive_third_party(actor=personas.manager, third_party=relationship.third_party)
    with pytest.raises(ActionError):
        _record(personas, relationship.third_party)
    assert not DueDiligence.objects.exists()


def test_an_older_check_recorded_late_does_not_replace_the_latest(personas, party):
    _record(personas, party, performed_on=date(2025, 6, 1), outcome=Outcome.APPROVED)
    _record(personas, party, performed_on=date(2024, 6, 1), outcome=Outcome.REJECTED, findings="Old news")
    party.refresh_from_db()
    assert party.due_diligence_outcome == Outcome.APPROVED
    assert party.due_diligence_on == date(2025, 6, 1)
    assert DueDiligence.objects.filter(third_party=party).count() == 2
