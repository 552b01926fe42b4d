import io
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from pypdf import PdfReader

from aims.evidence.models import Evidence
from aims.improvement.models import Nonconformity
from aims.internal_audits import actions, bench, report
from aims.internal_audits.models import ChecklistItem, InternalAudit
from aims.internal_audits.tests.conftest import items, plan
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_checklist_expands_parent_clause_and_includes_controls(
    personas: Personas, started: InternalAudit
) -> None:
    refs = list(started.checklist.order_by("position").values_list("ref", flat=True))
    assert refs == ["7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3", "A.6.2.4"]
    item = started.checklist.get(ref="7.5.3")
    assert item.group == "7"
    assert item.guidance
    assert item.result == "not_assessed"
    assert started.checklist.get(ref="A.6.2.4").group == "A.6"


def test_regenerating_adds_missing_items_and_keeps_results(
    personas: Personas, started: InternalAudit
) -> None:
    item = started.checklist.get(ref="7.2")
    actions.set_result(actor=personas.auditor, item=item, result="conforming", notes="Checked.")
    assert actions.generate_checklist(actor=personas.auditor, audit=started) == 0
    actions.update_audit(
        actor=personas.auditor, audit=started, changes={}, scope_items=items("7", "A.6.2.4", "9.2")
    )
    assert actions.generate_checklist(actor=personas.auditor, audit=started) == 2
    assert started.checklist.count() == 10
    assert started.checklist.get(ref="7.2").notes == "Checked."


def test_full_standard_checklist_is_generated_fast(personas: Personas, catalog: None) -> None:
    audit = bench.full_scope_audit(personas.org, personas.auditor)
    added, seconds = bench.generate_full_checklist(personas.manager, audit)
    assert added == audit.checklist.count() == 32 + 38
    assert seconds < 2  # the bench's target is 200 ms; tests run on a shared machine
    print(f"full-standard checklist: {added} items in {seconds * 1000:.0f} ms")
    timings = bench.time_full_checklist(personas.org, personas.manager, runs=2)
    assert len(timings) == 2
    assert InternalAudit.objects.filter(organization=personas.org).count() == 1


def test_recording_a_result_with_evidence(personas: Personas, started: InternalAudit) -> None:
    evidence = Evidence.objects.create(
        organization=personas.org,
        number=1,
        title="Minutes",
        kind="link",
        url="https://x.test",
        collected_on=timezone.localdate(),
    )
    item = started.checklist.get(ref="7.5.3")
    actions.set_result(
        actor=personas.auditor,
        item=item,
        result="minor",
        notes="Two cards lack approver.",
        evidence=[evidence],
        evidence_references="Cards 1-5",
    )
    item.refresh_from_db()
    assert (item.result, item.assessed_by) == ("minor", personas.auditor)
    assert [e.reference for e in item.evidence.all()] == ["EV-0001"]


def test_results_need_a_running_audit_and_the_team(personas: Personas, audit: InternalAudit) -> None:
    actions.generate_checklist(actor=personas.manager, audit=audit)
    item = audit.checklist.first()
    assert item is not None
    with pytest.raises(ActionError, match="Start"):
        actions.set_result(actor=personas.auditor, item=item, result="conforming")
    actions.start_audit(actor=personas.auditor, audit=audit)
    item.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.set_result(actor=personas.contributor, item=item, result="conforming")
    with pytest.raises(ValidationError):
        actions.set_result(actor=personas.auditor, item=item, result="great")


def test_raising_a_nonconformity_from_a_finding(personas: Personas, started: InternalAudit) -> None:
    item = started.checklist.select_related("audit__organization", "requirement").get(ref="7.5.3")
    actions.set_result(actor=personas.manager, item=item, result="minor", notes="Lapse.")
    nc = actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    assert nc.requirement is not None
    assert (nc.reference, nc.source, nc.grade, nc.requirement.ref) == ("NC-0001", "audit", "minor", "7.5.3")
    assert nc.source_reference == "AUD-0001 · 7.5.3"
    assert nc.source_url.endswith(f"/internal-audits/{started.pk}/#item-{item.pk}")
    assert ChecklistItem.objects.get(pk=item.pk).nonconformity == nc
    with pytest.raises(ActionError, match="already"):
        actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    with pytest.raises(ActionError):
        actions.set_result(actor=personas.manager, item=item, result="conforming")


def test_conforming_items_raise_no_nonconformity(personas: Personas, started: InternalAudit) -> None:
    item = started.checklist.get(ref="7.1")
    actions.set_result(actor=personas.auditor, item=item, result="conforming")
    with pytest.raises(ActionError, match="only a major or minor"):
        actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    assert not Nonconformity.objects.exists()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_report_pdf_shows_the_audit_findings_and_conclusion(
    personas: Personas, started: InternalAudit
) -> None:
    draft = _text(report.audit_report_pdf(report.audit_report(started)))
    assert "DRAFT" in draft
    assert "AUD-0001" in draft
    for item in started.checklist.all():
        result = {"7.5.3": "minor", "7.1": "observation"}.get(item.ref, "conforming")
        actions.set_result(actor=personas.auditor, item=item, result=result, notes=f"Notes on {item.ref}")
    item = started.checklist.select_related("audit__organization", "requirement").get(ref="7.5.3")
    nc = actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    actions.report_audit(
        actor=personas.auditor, audit=started, conclusion="The AIMS conforms with one lapse."
    )
    text = _text(report.audit_report_pdf(report.audit_report(started)))
    assert "DRAFT" not in text
    for expected in (
        "Acme AI",
        "Support and verification",
        "AIS-003",
        "Auditor",
        "Minor nonconformity",
        "Notes on 7.5.3",
        nc.reference,
        "The AIMS conforms with one lapse.",
        "Observation",
    ):
        assert expected in text, expected


def test_bench_seed_tops_up(personas: Personas, catalog: None, django_assert_max_num_queries: Any) -> None:
    assert bench.seed_bench(personas.org, 3, lead=personas.auditor) == 3
    assert bench.seed_bench(personas.org, 3, lead=personas.auditor) == 0
    assert ChecklistItem.objects.filter(audit__organization=personas.org).count() == 3 * 70


def test_audit_with_only_scope_objective(personas: Personas, catalog: None) -> None:
    audit = plan(personas, scope_items=items("A.2"), ai_systems=[])
    actions.generate_checklist(actor=personas.manager, audit=audit)
    assert list(audit.checklist.values_list("ref", flat=True)) == ["A.2.2", "A.2.3", "A.2.4"]
