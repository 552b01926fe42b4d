from aims.ai_systems.demo import DEMO_SYSTEMS, seed_demo
from aims.ai_systems.models import AISystem, StageChange
from aims.audit.models import AuditEvent


def _users(personas):
    return {
        role: getattr(personas, role) for role in ("owner", "manager", "contributor", "auditor", "viewer")
    }


def test_the_demo_registers_realistic_systems_through_the_actions(personas):
    seed_demo(personas.org, _users(personas))
    systems = {s.reference: s for s in AISystem.objects.filter(organization=personas.org)}
    assert set(systems) == {spec.reference for spec in DEMO_SYSTEMS}
    assert systems["AIS-001"].lifecycle_stage == "operation_monitoring"
    assert systems["AIS-002"].stage_approved_by == personas.owner
    assert systems["AIS-002"].is_due_for_review
    assert systems["AIS-004"].in_scope is False
    deployment = StageChange.objects.get(ai_system=systems["AIS-001"], to_stage="deployment")
    assert deployment.approved_by == personas.manager
    assert AuditEvent.objects.filter(verb="ai_system.created").count() == len(DEMO_SYSTEMS)


def test_seeding_the_demo_twice_changes_nothing(personas):
    seed_demo(personas.org, _users(personas))
    events = AuditEvent.objects.count()
    seed_demo(personas.org, _users(personas))
    assert AISystem.objects.count() == len(DEMO_SYSTEMS)
    assert AuditEvent.objects.count() == events
