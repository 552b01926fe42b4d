import re

import pytest
from django.core.management import CommandError, call_command

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.audit.verification import verify_all
from aims.changes.models import PlannedChange
from aims.components.models import AIModel, Dataset
from aims.demo.bench_seed import BenchPlan, seed_bench
from aims.documents.models import Document, DocumentVersion
from aims.evidence.models import Evidence
from aims.improvement.models import Nonconformity
from aims.internal_audits.models import ChecklistItem, InternalAudit
from aims.monitoring.models import Metric
from aims.organizations.models import Membership, Organization
from aims.reviews.models import ReviewAction
from aims.risks.models import Risk

# Small registers: these tests are about the seeding, not about volume.
SMALL = {
    "ai_systems": 12,
    "components": 6,
    "third_parties": 4,
    "classifications": 12,
    "obligations": 6,
    "people_records": 5,
    "documents": 5,
    "policy_records": 3,
    "evidence": 5,
    "risks": 7,
    "impact_assessments": 3,
    "incidents": 3,
    "own_controls": 2,
    "planned_changes": 4,
    "nonconformities": 6,
    "internal_audits": 2,
    "metrics": 3,
    "review_actions": 5,
}
SMALL_ARGS = [
    "--ai-systems", "12", "--components", "6", "--third-parties", "4", "--documents", "5", "--evidence", "5",
    "--risks", "7", "--impact-assessments", "3", "--incidents", "3", "--planned-changes", "4",
    "--nonconformities", "6", "--internal-audits", "2", "--metrics", "3", "--review-actions", "5",
]  # fmt: skip


def test_bench_seed_makes_an_organisation_with_a_valid_chain(db, catalog):
    result = seed_bench(BenchPlan(slug="b1", audit_events=300, **SMALL))
    assert result.created
    assert AISystem.objects.filter(organization=result.organization).count() == 12
    assert AIModel.objects.filter(organization=result.organization).count() == 6
    assert Dataset.objects.filter(organization=result.organization).count() == 6
    documents = Document.objects.filter(organization=result.organization, reference__startswith="BEN-")
    assert documents.count() == 5
    assert DocumentVersion.objects.filter(document__in=documents).count() == 25
    assert Risk.objects.filter(organization=result.organization).count() == 7
    assert PlannedChange.objects.filter(organization=result.organization).count() == 4
    assert Nonconformity.objects.filter(organization=result.organization).count() == 6
    audits = InternalAudit.objects.filter(organization=result.organization)
    assert audits.count() == 2
    assert ChecklistItem.objects.filter(audit__in=audits).count() == 2 * 70
    assert Metric.objects.filter(organization=result.organization).count() == 3
    assert ReviewAction.objects.filter(organization=result.organization).count() == 5
    assert Evidence.objects.filter(organization=result.organization).count() == 5
    # The registers' own events (the default risk criteria put in force) count towards the total.
    assert result.audit_events_before < 5
    assert result.audit_events_after == 300
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
    assert re.search(r"Organisation 'b3': created; audit events: 50 \((4[5-9]|50) added\)", out)
    assert Organization.objects.get(slug="b3").name == "Benchmark b3"
