"""The clause 9.2 readiness rules: an approved programme for the cycle, an audit reported within it, every
clause and included control covered, independent auditors, and findings raised as nonconformities."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.controls.models import Control
from aims.internal_audits import actions, readiness
from aims.internal_audits.models import AuditProgramme, ChecklistItem, InternalAudit
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run

from .conftest import items, plan

TODAY = timezone.localdate()
CLAUSES = ("4", "5", "6", "7", "8", "9", "10")


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def report(personas, audit: InternalAudit, **results: str) -> InternalAudit:
    """Start the audit, find every requirement conforming but those given (ref=result), and report it."""
    actions.start_audit(actor=personas.auditor, audit=audit)
    ChecklistItem.objects.filter(audit=audit).update(result="conforming")
    for ref, result in results.items():
        ChecklistItem.objects.filter(audit=audit, ref=ref.replace("_", ".")).update(result=result)
    return actions.report_audit(actor=personas.auditor, audit=audit, conclusion="The AIMS conforms.")


def include(control: Control) -> None:
    Control.objects.filter(pk=control.pk).update(decision="included")


def another_control(personas, ref: str) -> Control:
    item = CatalogItem.objects.get(ref=ref)
    return Control.objects.create(
        organization=personas.org,
        catalog_item=item,
        reference=item.ref,
        title=item.title,
        position=item.position,
        decision="included",
    )


# 9.2.2: the programme


def test_no_programme_for_the_cycle_is_a_stage_1_blocker(personas, catalog):
    actions.create_programme(
        actor=personas.outsider,
        organization=personas.other_org,
        name="Globex programme",
        cycle="now",
        period_start=TODAY - timedelta(days=10),
        period_end=TODAY + timedelta(days=10),
    )
    outcome = run(readiness.programme_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == f"No audit programme covers the current cycle ({TODAY:%Y-%m-%d})."
    assert outcome.records == ()
    assert outcome.fix is not None
    assert outcome.fix.label == "Draw up the audit programme"
    assert outcome.fix.url == url("internal_audits:programme_create")
    assert readiness.programme_approved.severity == Severity.STAGE1_BLOCKER


def test_a_draft_programme_is_named_with_a_link_to_approve_it(personas, programme):
    outcome = run(readiness.programme_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == f"The audit programme {programme.cycle} is not approved."
    detail = url("internal_audits:programme_detail", pk=programme.pk)
    assert links(outcome) == [(f"{programme.cycle} Programme", detail)]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (f"Approve the audit programme {programme.cycle}", detail)


def test_an_approved_programme_covering_today_passes(personas, programme):
    actions.approve_programme(actor=personas.manager, programme=programme)
    outcome = run(readiness.programme_approved, personas.org)
    assert outcome.passed
    assert outcome.message == f"The approved audit programme {programme.cycle} covers the current cycle."


def test_a_programme_of_an_earlier_cycle_does_not_count(personas, programme):
    actions.approve_programme(actor=personas.manager, programme=programme)
    AuditProgramme.objects.filter(pk=programme.pk).update(
        period_start=TODAY - timedelta(days=400), period_end=TODAY - timedelta(days=1)
    )
    assert not run(readiness.programme_approved, personas.org).passed


# 9.2.1: an audit reported within the cycle


def test_no_audit_reported_is_a_stage_1_blocker(personas, catalog, foreign):
    InternalAudit.objects.filter(pk=foreign.pk).update(status="reported", reported_on=TODAY)
    outcome = run(readiness.audit_completed, personas.org)
    assert not outcome.passed
    assert outcome.message == "No internal audit has been reported within the last 12 months."
    assert outcome.records == ()
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Plan an internal audit",
        url("internal_audits:audit_create"),
    )
    assert readiness.audit_completed.severity == Severity.STAGE1_BLOCKER


def test_an_audit_under_way_is_named_as_the_way_to_fix_it(personas, audit):
    outcome = run(readiness.audit_completed, personas.org)
    assert not outcome.passed
    detail = url("internal_audits:audit_detail", pk=audit.pk)
    assert links(outcome) == [("AUD-0001 Support and verification: planned", detail)]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Complete and report AUD-0001", detail)


def test_a_reported_audit_passes(personas, audit):
    report(personas, audit)
    outcome = run(readiness.audit_completed, personas.org)
    assert outcome.passed
    assert outcome.message == f"AUD-0001 was reported on {TODAY:%Y-%m-%d}, within the last 12 months."


def test_an_audit_reported_before_the_cycle_does_not_count(personas, audit):
    report(personas, audit)
    InternalAudit.objects.filter(pk=audit.pk).update(reported_on=TODAY - timedelta(days=400))
    assert not run(readiness.audit_completed, personas.org).passed


# 9.2.1 and 9.2.2: coverage


def test_what_the_audits_leave_out_is_named(personas, audit, control):
    include(control)
    missed = another_control(personas, "A.6.2.5")
    report(personas, audit)
    outcome = run(readiness.coverage, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "Not covered by any audit reported within the last 12 months: clauses 4, 5, 6, 8, 9 and 10; "
        "1 included Annex A control."
    )
    assert links(outcome) == [
        *[
            (f"Clause {ref}", url("organizations:clause_detail", clause=ref))
            for ref in ("4", "5", "6", "8", "9")
        ],
        ("Clause 10", url("organizations:clause_detail", clause="10")),
        (f"A.6.2.5 {missed.title}", url("controls:control_detail", pk=missed.pk)),
    ]
    assert outcome.count == 7
    assert outcome.fix is not None
    assert outcome.fix.label == "Plan an audit of what is not yet covered"
    assert outcome.fix.url == url("internal_audits:audit_create")
    assert readiness.coverage.severity == Severity.STAGE2_NONCONFORMITY


def test_a_missed_sub_clause_is_named_alone(personas, system, control):
    scope = items("4", "5", "6", "7", "8", "9.1", "9.2.2", "9.3", "10")
    report(personas, plan(personas, scope_items=scope, ai_systems=[]))
    outcome = run(readiness.coverage, personas.org)
    assert outcome.message == "Not covered by any audit reported within the last 12 months: clause 9.2.1."
    assert links(outcome) == [("Clause 9.2.1", url("organizations:clause_detail", clause="9.2.1"))]


def test_audits_covering_every_clause_and_included_control_pass(personas, system, control):
    include(control)
    report(personas, plan(personas, scope_items=items("4", "5", "6", "7"), ai_systems=[]))
    report(personas, plan(personas, scope_items=items("8", "9", "10", "A.6"), ai_systems=[]))
    outcome = run(readiness.coverage, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "The audits reported within the last 12 months cover clauses 4 to 10 and every included Annex A "
        "control."
    )


def test_planned_audits_and_those_of_another_organisation_cover_nothing(personas, catalog, foreign):
    everything = items(*CLAUSES)
    InternalAudit.objects.filter(pk=foreign.pk).update(status="reported", reported_on=TODAY)
    foreign.scope_items.set(everything)
    plan(personas, scope_items=everything, ai_systems=[])
    outcome = run(readiness.coverage, personas.org)
    assert [link.label for link in outcome.records] == [f"Clause {ref}" for ref in CLAUSES]


# 9.2.2: independence


def test_an_auditor_who_owns_an_audited_system_is_named(personas, audit, system):
    AISystem.objects.filter(pk=system.pk).update(owner=personas.auditor)
    outcome = run(readiness.auditors_independent, personas.org)
    assert not outcome.passed
    assert (
        outcome.message == "1 audit is led or staffed by the owner of an AI system or control in its scope."
    )
    assert links(outcome) == [
        (
            "AUD-0001 Support and verification: an auditor owns an AI system in its scope",
            url("internal_audits:audit_detail", pk=audit.pk),
        )
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Give the audits independent auditors"
    assert outcome.fix.url == url("internal_audits:audit_list")


def test_a_team_member_who_owns_a_control_under_an_audited_objective_is_named(personas, system, control):
    audit = plan(personas, scope_items=items("A.6"), ai_systems=[], team=[personas.owner])
    Control.objects.filter(pk=control.pk).update(owner=personas.owner)
    outcome = run(readiness.auditors_independent, personas.org)
    assert links(outcome) == [
        (
            "AUD-0001 Support and verification: an auditor owns a control in its scope",
            url("internal_audits:audit_detail", pk=audit.pk),
        )
    ]


def test_independent_auditors_pass(personas, audit, foreign):
    AISystem.objects.create(
        organization=personas.other_org,
        reference="G-1",
        name="Globex bot",
        purpose="x",
        owner=personas.outsider,
    )
    outcome = run(readiness.auditors_independent, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "No lead auditor or team member owns an AI system or control in the scope of their audit."
    )


def test_a_cancelled_audit_is_not_judged(personas, audit, system):
    actions.cancel_audit(actor=personas.manager, audit=audit)
    AISystem.objects.filter(pk=system.pk).update(owner=personas.auditor)
    assert run(readiness.auditors_independent, personas.org).passed


# 10.2: findings raised


def test_a_finding_without_a_nonconformity_is_named(personas, audit):
    report(personas, audit, **{"7_5_3": "minor"})
    outcome = run(readiness.findings_raised, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 major or minor finding has no nonconformity raised."
    assert links(outcome) == [
        ("AUD-0001 7.5.3: minor nonconformity", url("internal_audits:audit_detail", pk=audit.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Raise the nonconformities from the audit checklists"
    assert outcome.fix.url == url("internal_audits:audit_list")
    assert readiness.findings_raised.refs == ("9.2.2", "10.2")


def test_findings_raised_as_nonconformities_pass(personas, audit):
    report(personas, audit, **{"7_5_3": "major"})
    item = ChecklistItem.objects.select_related("audit__organization").get(audit=audit, ref="7.5.3")
    actions.raise_finding_nonconformity(actor=personas.manager, item=item)
    outcome = run(readiness.findings_raised, personas.org)
    assert outcome.passed
    assert (
        outcome.message
        == "A nonconformity is raised from every major or minor finding of the reported audits."
    )


def test_findings_of_an_audit_still_running_are_not_judged(personas, audit):
    actions.start_audit(actor=personas.auditor, audit=audit)
    ChecklistItem.objects.filter(audit=audit, ref="7.5.3").update(result="minor")
    assert run(readiness.findings_raised, personas.org).passed


# Fixed queries, and the engine


def _audit_at_fault(personas, number: int) -> None:
    audit = plan(personas, title=f"Audit {number}", scope_items=items("7"), ai_systems=[])
    report(personas, audit, **{"7_5_3": "minor"})
    system = AISystem.objects.create(
        organization=personas.org, reference=f"S-{number}", name="S", purpose="x", owner=personas.auditor
    )
    audit.ai_systems.add(system)


def test_queries_do_not_grow_with_the_audits(personas, catalog):
    _audit_at_fault(personas, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _audit_at_fault(personas, number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert not run(readiness.auditors_independent, personas.org).passed
    assert run(readiness.findings_raised, personas.org).count == 5


def test_the_engine_runs_the_rules_under_clause_9_2(personas, catalog):
    results = {r.id: r for r in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["9.2-programme-approved"].refs == ("9.2.2",)
    assert results["9.2-audit-completed"].refs == ("9.2.1",)
    assert not results["9.2-coverage"].ok
