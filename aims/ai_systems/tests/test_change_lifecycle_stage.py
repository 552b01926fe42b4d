import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems import actions
from aims.ai_systems.models import StageChange
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_contributor_moves_a_system_into_design(personas, system):
    change = actions.change_lifecycle_stage(
        actor=personas.contributor, system=system, stage="design_development", note="Go."
    )
    assert (change.from_stage, change.to_stage) == ("inception", "design_development")
    assert change.changed_by == personas.contributor
    assert change.approved_by is None
    system.refresh_from_db()
    assert system.lifecycle_stage == "design_development"
    assert system.stage_changed_at == change.changed_at
    event = AuditEvent.objects.get(verb="ai_system.stage_changed")
    assert event.before == {"lifecycle_stage": "inception"}
    assert event.after == {"lifecycle_stage": "design_development"}
    assert event.data == {"note": "Go.", "approved_by": None}


def test_contributor_cannot_move_a_system_into_deployment(personas, system):
    with pytest.raises(PermissionDenied, match="needs the approval of an owner or manager"):
        actions.change_lifecycle_stage(actor=personas.contributor, system=system, stage="deployment")
    system.refresh_from_db()
    assert system.lifecycle_stage == "inception"
    assert not StageChange.objects.exists()
    assert not AuditEvent.objects.filter(verb="ai_system.stage_changed").exists()


@pytest.mark.parametrize(("role", "stage"), [("manager", "deployment"), ("owner", "retirement")])
def test_owner_or_manager_approves_deployment_and_retirement(personas, system, role, stage):
    approver = getattr(personas, role)
    change = actions.change_lifecycle_stage(actor=approver, system=system, stage=stage, note="Approved.")
    assert change.approved_by == approver
    system.refresh_from_db()
    assert system.stage_approved_by == approver
    event = AuditEvent.objects.get(verb="ai_system.stage_changed")
    assert event.data["approved_by"] == approver.email


def test_a_later_move_clears_the_approval_of_the_stage_before(personas, system):
    actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="deployment")
    actions.change_lifecycle_stage(actor=personas.contributor, system=system, stage="operation_monitoring")
    system.refresh_from_db()
    assert system.stage_approved_by is None
    assert [c.to_stage for c in system.stage_changes.all()] == ["operation_monitoring", "deployment"]


def test_moving_to_the_current_stage_is_refused(personas, system):
    with pytest.raises(ActionError, match="already in inception"):
        actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="inception")
    assert not StageChange.objects.exists()


def test_an_unknown_stage_is_refused(personas, system):
    with pytest.raises(ValidationError):
        actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="hibernation")


@pytest.mark.parametrize("role", ["viewer", "auditor", "outsider"])
def test_readers_cannot_change_the_stage(personas, system, role):
    with pytest.raises(PermissionDenied):
        actions.change_lifecycle_stage(
            actor=getattr(personas, role), system=system, stage="design_development"
        )
    assert not StageChange.objects.exists()


def test_an_archived_system_cannot_change_stage(personas, system):
    actions.archive_ai_system(actor=personas.manager, system=system)
    with pytest.raises(ActionError, match="archived"):
        actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="design_development")
