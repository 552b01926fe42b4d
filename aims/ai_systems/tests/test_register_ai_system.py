import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems import actions
from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent


def test_contributor_registers_a_system_with_an_audit_event(personas):
    system = actions.register_ai_system(
        actor=personas.contributor,
        organization=personas.org,
        name="  Credit scoring  ",
        purpose="Decide on loans.",
        ai_roles=["customer", "provider", "provider"],
        owner=personas.manager,
    )
    assert system.reference == "AIS-001"
    assert system.name == "Credit scoring"
    assert system.ai_roles == ["provider", "customer"]
    assert system.lifecycle_stage == "inception"
    assert system.status == "active"
    event = AuditEvent.objects.get(verb="ai_system.created")
    assert event.organization == personas.org
    assert event.actor == personas.contributor
    assert event.target_id == str(system.pk)
    assert event.after is not None
    assert event.after["name"] == "Credit scoring"
    assert event.after["owner"] == "manager@acme.test"
    assert system.history.get().history_user == personas.contributor


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_readers_cannot_register_a_system(personas, role):
    with pytest.raises(PermissionDenied):
        actions.register_ai_system(
            actor=getattr(personas, role), organization=personas.org, name="X", purpose="Y"
        )
    assert not AISystem.objects.exists()
    assert not AuditEvent.objects.filter(verb="ai_system.created").exists()


def test_outsider_cannot_register_in_another_organisation(personas):
    with pytest.raises(PermissionDenied):
        actions.register_ai_system(actor=personas.outsider, organization=personas.org, name="X", purpose="Y")
    assert not AISystem.objects.exists()


def test_owner_must_be_a_member_of_the_organisation(personas):
    with pytest.raises(ValidationError) as raised:
        actions.register_ai_system(
            actor=personas.manager,
            organization=personas.org,
            name="X",
            purpose="Y",
            owner=personas.outsider,
        )
    assert "not a member of Acme AI" in raised.value.message_dict["owner"][0]
    assert not AISystem.objects.exists()


def test_a_reference_already_used_in_the_organisation_is_refused(personas):
    actions.register_ai_system(
        actor=personas.manager, organization=personas.org, reference="CS-1", name="A", purpose="P"
    )
    with pytest.raises(ValidationError) as raised:
        actions.register_ai_system(
            actor=personas.manager, organization=personas.org, reference="CS-1", name="B", purpose="P"
        )
    assert "already used" in raised.value.message_dict["reference"][0]
    assert AISystem.objects.count() == 1


def test_the_same_reference_may_be_used_in_another_organisation(personas):
    actions.register_ai_system(
        actor=personas.manager, organization=personas.org, reference="CS-1", name="A", purpose="P"
    )
    other = actions.register_ai_system(
        actor=personas.outsider, organization=personas.other_org, reference="CS-1", name="B", purpose="P"
    )
    assert other.reference == "CS-1"


def test_missing_name_and_purpose_are_refused_with_messages(personas):
    with pytest.raises(ValidationError) as raised:
        actions.register_ai_system(actor=personas.manager, organization=personas.org, name=" ", purpose="")
    assert set(raised.value.message_dict) >= {"name", "purpose"}
    assert not AISystem.objects.exists()


def test_unknown_ai_roles_are_refused(personas):
    with pytest.raises(ValidationError) as raised:
        actions.register_ai_system(
            actor=personas.manager, organization=personas.org, name="X", purpose="Y", ai_roles=["emperor"]
        )
    assert "emperor" in raised.value.message_dict["ai_roles"][0]


def test_a_system_cannot_be_registered_as_archived(personas):
    with pytest.raises(ValidationError) as raised:
        actions.register_ai_system(
            actor=personas.manager, organization=personas.org, name="X", purpose="Y", status="archived"
        )
    assert "status" in raised.value.message_dict


def test_contributor_cannot_register_a_system_straight_into_deployment(personas):
    with pytest.raises(PermissionDenied, match="owner or manager"):
        actions.register_ai_system(
            actor=personas.contributor,
            organization=personas.org,
            name="X",
            purpose="Y",
            lifecycle_stage="deployment",
        )
    assert not AISystem.objects.exists()


def test_manager_registering_into_deployment_is_recorded_as_approving(personas):
    system = actions.register_ai_system(
        actor=personas.manager, organization=personas.org, name="X", purpose="Y", lifecycle_stage="deployment"
    )
    assert system.stage_approved_by == personas.manager
    assert system.stage_changed_at is not None


def test_unknown_fields_are_a_programming_error(personas):
    with pytest.raises(TypeError):
        actions.register_ai_system(
            actor=personas.manager, organization=personas.org, name="X", purpose="Y", risk_class="high"
        )
