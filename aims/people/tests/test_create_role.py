import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import AIMSRole, Competence


def test_manager_defines_a_role_with_competences_and_an_audit_event(personas):
    literacy = Competence.objects.create(organization=personas.org, name="AI literacy", is_ai_literacy=True)
    role = actions.create_role(
        actor=personas.manager,
        organization=personas.org,
        name="  Human oversight lead ",
        area="oversight",
        competences=[literacy],
    )
    assert role.name == "Human oversight lead"
    assert list(role.competences.all()) == [literacy]
    event = AuditEvent.objects.get(verb="aims_role.created")
    assert event.actor == personas.manager
    assert (event.after or {})["area"] == "oversight"


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_others_cannot_define_roles(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.create_role(
            actor=getattr(personas, persona), organization=personas.org, name="X", area="risk"
        )
    assert not AIMSRole.objects.exists()


def test_a_duplicate_name_or_unknown_area_is_refused_and_nothing_written(personas, role):
    with pytest.raises(ValidationError) as exc:
        actions.create_role(
            actor=personas.owner, organization=personas.org, name="ai RISK owner", area="risk"
        )
    assert "name" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.create_role(actor=personas.owner, organization=personas.org, name="New", area="astrology")
    assert "area" in exc.value.message_dict
    assert AIMSRole.objects.count() == 1


def test_a_competence_of_another_organisation_is_refused(personas):
    foreign = Competence.objects.create(organization=personas.other_org, name="Secret")
    with pytest.raises(ValidationError):
        actions.create_role(
            actor=personas.owner, organization=personas.org, name="R", area="risk", competences=[foreign]
        )
    assert not AIMSRole.objects.exists()
