import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.third_parties import actions
from aims.third_parties.actions import Allocation
from aims.third_parties.models import ResponsibilityAllocation
from aims.third_parties.tests.conftest import STAGES, every_stage


def _stages(relationship):
    rows = ResponsibilityAllocation.objects.filter(relationship=relationship)
    return {row.stage: (row.party, row.note) for row in rows}


def test_every_stage_is_allocated_at_once_with_an_event(personas, relationship):
    allocations = every_stage("them")
    allocations[3] = Allocation("deployment", "shared", " We deploy; they host. ")
    actions.set_responsibilities(
        actor=personas.contributor, relationship=relationship, allocations=allocations
    )
    stages = _stages(relationship)
    assert len(stages) == 7
    assert stages["deployment"] == ("shared", "We deploy; they host.")
    event = AuditEvent.objects.get(verb="third_party.responsibilities_set")
    assert event is not None
    assert event.after is not None
    assert event.target_id == str(relationship.pk)
    assert event.before == dict.fromkeys(STAGES)
    assert event.after["deployment"] == "shared: We deploy; they host."
    assert event.after["inception"] == "them"


def test_a_later_allocation_records_the_stages_that_changed(personas, relationship):
    actions.set_responsibilities(
        actor=personas.manager, relationship=relationship, allocations=every_stage("us")
    )
    changed = every_stage("us")
    changed[-1] = Allocation("retirement", "not_applicable")
    actions.set_responsibilities(actor=personas.manager, relationship=relationship, allocations=changed)
    event = AuditEvent.objects.filter(verb="third_party.responsibilities_set").order_by("-seq").first()
    assert event is not None
    assert event.after is not None
    assert event.before == {"retirement": "us"}
    assert event.after == {"retirement": "not_applicable"}
    actions.set_responsibilities(actor=personas.manager, relationship=relationship, allocations=changed)
    assert AuditEvent.objects.filter(verb="third_party.responsibilities_set").count() == 2


def test_every_stage_must_be_given_and_a_shared_stage_explained(personas, relationship):
    allocations = [
        *every_stage("us")[:5],
        Allocation("reevaluation", "shared"),
        Allocation("inception", "us"),
    ]
    with pytest.raises(ValidationError) as caught:
        actions.set_responsibilities(
            actor=personas.manager, relationship=relationship, allocations=allocations
        )
    errors = caught.value.message_dict
    assert errors["reevaluation_note"] == ["Say how this stage is shared."]
    assert errors["retirement"] == ["Say who is responsible for retirement."]
    assert errors["inception"] == ["This stage is given more than once."]
    assert not ResponsibilityAllocation.objects.exists()
    assert not AuditEvent.objects.filter(verb="third_party.responsibilities_set").exists()


def test_unknown_stages_and_parties_are_refused(personas, relationship):
    allocations = [*every_stage("us")[:6], Allocation("retirement", "nobody"), Allocation("afterlife", "us")]
    with pytest.raises(ValidationError) as caught:
        actions.set_responsibilities(
            actor=personas.manager, relationship=relationship, allocations=allocations
        )
    assert "'nobody' is not one of" in caught.value.message_dict["retirement"][0]
    assert "not a life-cycle stage" in caught.value.message_dict["afterlife"][0]


def test_an_ended_relationship_keeps_its_responsibilities(personas, relationship):
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    with pytest.raises(ActionError):
        actions.set_responsibilities(
            actor=personas.manager, relationship=relationship, allocations=every_stage()
        )


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_allocate_responsibilities(personas, relationship, persona):
    with pytest.raises(PermissionDenied):
        actions.set_responsibilities(
            actor=personas.user(persona), relationship=relationship, allocations=every_stage()
        )
    assert not ResponsibilityAllocation.objects.exists()
