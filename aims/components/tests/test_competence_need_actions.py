"""Competences a system needs and their holders (A.4.6): holders are members; every change is audited."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components import actions
from aims.components.models import CompetenceNeed
from aims.lib.errors import ActionError

DATA = {"competence": "Human review of declines", "area": "human_oversight", "description": "Daily checks."}


def test_manager_records_a_competence_with_holders_and_an_audit_event(personas, systems):
    need = actions.create_competence_need(
        actor=personas.manager, ai_system=systems.scoring, data=DATA, holders=[personas.viewer]
    )
    assert need.organization == personas.org
    assert list(need.holders.all()) == [personas.viewer]
    event = AuditEvent.objects.get(verb="competence_need.created")
    assert event.after is not None
    assert event.after["holders"] == ["viewer@acme.test"]
    assert event.data == {"ai_system": "AIS-001"}


def test_holders_must_be_members_of_the_organisation(personas, systems):
    with pytest.raises(ValidationError) as caught:
        actions.create_competence_need(
            actor=personas.manager, ai_system=systems.scoring, data=DATA, holders=[personas.outsider]
        )
    assert "outsider@globex.test" in caught.value.message_dict["holders"][0]
    assert not CompetenceNeed.objects.exists()


def test_bad_areas_and_blank_competences_are_refused(personas, systems):
    for changes in ({"area": "astrology"}, {"competence": ""}):
        with pytest.raises(ValidationError):
            actions.create_competence_need(
                actor=personas.manager, ai_system=systems.scoring, data={**DATA, **changes}
            )
    with pytest.raises(ValidationError):
        actions.create_competence_need(
            actor=personas.manager, ai_system=systems.scoring, data={**DATA, "organization_id": 1}
        )
    assert not CompetenceNeed.objects.exists()


def test_an_archived_system_gets_no_new_competences(personas, systems):
    AISystem.objects.filter(pk=systems.scoring.pk).update(status=AISystem.Status.ARCHIVED)
    systems.scoring.refresh_from_db()
    with pytest.raises(ActionError):
        actions.create_competence_need(actor=personas.manager, ai_system=systems.scoring, data=DATA)


@pytest.mark.parametrize("role", ["auditor", "viewer", "outsider"])
def test_readers_cannot_record_change_or_remove_competences(personas, systems, need, role):
    user = personas.user(role)
    with pytest.raises(PermissionDenied):
        actions.create_competence_need(actor=user, ai_system=systems.scoring, data=DATA)
    with pytest.raises(PermissionDenied):
        actions.update_competence_need(actor=user, need=need, data={"competence": "x"})
    with pytest.raises(PermissionDenied):
        actions.delete_competence_need(actor=user, need=need)
    assert CompetenceNeed.objects.count() == 1


def test_changing_holders_is_audited_with_before_and_after(personas, need):
    actions.update_competence_need(actor=personas.manager, need=need, data={}, holders=[personas.auditor])
    assert list(need.holders.all()) == [personas.auditor]
    event = AuditEvent.objects.get(verb="competence_need.updated")
    assert event.before == {"holders": ["contributor@acme.test"]}
    assert event.after == {"holders": ["auditor@acme.test"]}


def test_saving_a_competence_without_changes_writes_nothing(personas, need):
    actions.update_competence_need(actor=personas.manager, need=need, data={"competence": need.competence})
    assert not AuditEvent.objects.filter(verb="competence_need.updated").exists()


def test_removing_a_competence_keeps_what_it_was_in_the_audit_trail(personas, need):
    actions.delete_competence_need(actor=personas.contributor, need=need)
    assert not CompetenceNeed.objects.exists()
    event = AuditEvent.objects.get(verb="competence_need.deleted")
    assert event.before is not None
    assert event.before["competence"] == "Credit-risk modelling"
    assert event.before["holders"] == ["contributor@acme.test"]
