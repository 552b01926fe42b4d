from aims.ai_systems.demo import seed_demo as seed_systems
from aims.audit.models import AuditEvent
from aims.people import competence_queries as cq
from aims.people.bench import seed_bench
from aims.people.demo import seed_demo
from aims.people.models import (
    AIMSRole,
    CommunicationLog,
    CommunicationPlanItem,
    Concern,
    RaciEntry,
    RoleAssignment,
    TrainingRecord,
)


def _users(personas):
    return {
        role: getattr(personas, role) for role in ("owner", "manager", "contributor", "auditor", "viewer")
    }


def test_the_demo_has_roles_raci_gaps_a_concern_and_a_plan_and_is_idempotent(personas, catalog):
    seed_systems(personas.org, _users(personas))
    seed_demo(personas.org, _users(personas))
    counts = [
        AIMSRole.objects.count(),
        RoleAssignment.objects.count(),
        RaciEntry.objects.filter(kind="control").count(),
        RaciEntry.objects.filter(kind="system").count(),
        Concern.objects.filter(status="investigating").count(),
        CommunicationPlanItem.objects.count(),
        CommunicationLog.objects.count(),
    ]
    assert counts == [5, 5, 6, 4, 1, 2, 2]
    literacy = {row.person.email: row.status for row in cq.ai_literacy(personas.org)}
    assert literacy["viewer@acme.test"] == "missing"
    assert literacy["auditor@acme.test"] == "expired"
    assert any(row.gaps for row in cq.gap_matrix(personas.org).rows)
    events = AuditEvent.objects.count()
    seed_demo(personas.org, _users(personas))
    assert AuditEvent.objects.count() == events
    assert AIMSRole.objects.count() == 5


def test_the_bench_seed_tops_up_to_the_count(personas):
    assert seed_bench(personas.org, 30) == 90
    assert Concern.objects.filter(organization=personas.org).count() == 30
    assert TrainingRecord.objects.filter(organization=personas.org).count() == 30
    assert seed_bench(personas.org, 30) == 0
    assert seed_bench(personas.org, 35) == 15
    assert personas.client("owner").get("/o/acme/people/competences/matrix/").status_code == 200
