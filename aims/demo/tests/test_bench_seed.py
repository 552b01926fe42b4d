import pytest
from django.core.management import CommandError, call_command

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.audit.verification import verify_all
from aims.components.models import AIModel, Dataset
from aims.demo.bench_seed import BenchPlan, seed_bench
from aims.organizations.models import Membership, Organization

# Small registers: these tests are about the seeding, not about volume.
SMALL = {
    "ai_systems": 12,
    "components": 6,
    "third_parties": 4,
    "classifications": 12,
    "obligations": 6,
    "people_records": 5,
}
SMALL_ARGS = ["--ai-systems", "12", "--components", "6", "--third-parties", "4"]


def test_bench_seed_makes_an_organisation_with_a_valid_chain(db):
    result = seed_bench(BenchPlan(slug="b1", audit_events=300, **SMALL))
    assert result.created
    assert AISystem.objects.filter(organization=result.organization).count() == 12
    assert AIModel.objects.filter(organization=result.organization).count() == 6
    assert Dataset.objects.filter(organization=result.organization).count() == 6
    assert (result.audit_events_before, result.audit_events_after) == (0, 300)
    roles = set(Membership.objects.filter(organization=result.organization).values_list("role", flat=True))
    assert roles == {"owner", "manager", "contributor", "auditor", "viewer"}
    [report] = verify_all(organization_slug="b1")
    assert report.ok
    assert report.checked == 300
    times = list(
        AuditEvent.objects.filter(organization=result.organization)
        .order_by("seq")
        .values_list("created_at", flat=True)
    )
    assert times == sorted(times)
    assert len(set(AuditEvent.objects.values_list("verb", flat=True))) > 5


def test_bench_seed_tops_up_and_is_idempotent(db):
    seed_bench(BenchPlan(slug="b2", audit_events=100, **SMALL))
    again = seed_bench(BenchPlan(slug="b2", audit_events=100, **SMALL))
    assert not again.created
    assert (again.audit_events_before, again.audit_events_after) == (100, 100)
    more = seed_bench(BenchPlan(slug="b2", audit_events=250, **SMALL))
    assert (more.audit_events_before, more.audit_events_after) == (100, 250)
    assert verify_all(organization_slug="b2")[0].ok
    assert Membership.objects.filter(organization__slug="b2").count() == 36


def test_bench_seed_refuses_an_organisation_it_did_not_make(personas):
    with pytest.raises(CommandError, match="was not made by `aims bench seed`"):
        call_command("bench", "seed", "--org", "acme", "--audit-events", "10", *SMALL_ARGS)
    assert not AuditEvent.objects.filter(organization=personas.org).exists()


def test_bench_seed_command_reports_what_it_did(db, capsys):
    call_command("bench", "seed", "--org", "b3", "--audit-events", "50", *SMALL_ARGS)
    out = capsys.readouterr().out
    assert "Organisation 'b3': created; audit events: 50 (50 added)" in out
    assert Organization.objects.get(slug="b3").name == "Benchmark b3"
