"""The clause 4 readiness rules: issues recorded and reviewed, interested parties with their requirements,
obligations decided, an approved scope that places every AI system, and an inventory to run on."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.context import actions, readiness
from aims.context.models import ScopeStatement
from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run

TODAY = timezone.localdate()


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def fix(outcome: Outcome) -> tuple[str, str]:
    assert outcome.fix is not None
    return outcome.fix.label, outcome.fix.url


def make_issue(personas, kind: str = "internal", **values):
    values.setdefault("title", f"An {kind} issue")
    return actions.create_issue(
        actor=personas.contributor, organization=personas.org, kind=kind, category="other", **values
    )


def approved_scope(personas, exclusions=()) -> ScopeStatement:
    draft = actions.draft_scope(
        actor=personas.manager, organization=personas.org, boundaries="All of Acme", exclusions=exclusions
    )
    return actions.approve_scope(actor=personas.owner, scope=draft)


def system(organization: Organization, reference: str, name: str, **values) -> AISystem:
    return AISystem.objects.create(
        organization=organization, reference=reference, name=name, purpose="Help", **values
    )


# 4.1


def test_no_issue_recorded_is_a_stage_1_blocker(personas, foreign):
    outcome = run(readiness.issues_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "No active internal or external issue is recorded."
    assert outcome.records == ()
    assert fix(outcome) == ("Record the issues", url("context:issue_create"))
    assert readiness.issues_recorded.severity == Severity.STAGE1_BLOCKER


def test_the_missing_kind_of_issue_is_named(personas, issue):
    make_issue(personas, status="archived")
    outcome = run(readiness.issues_recorded, personas.org)
    assert outcome.message == "No active internal issue is recorded."


def test_internal_and_external_issues_pass(personas, issue):
    make_issue(personas)
    outcome = run(readiness.issues_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "Internal and external issues are recorded."


def test_an_issue_past_its_review_date_is_named(personas, foreign):
    lapsed = make_issue(personas, review_on=TODAY - timedelta(days=1))
    make_issue(personas, title="Due today", review_on=TODAY)
    make_issue(personas, title="Archived", review_on=TODAY - timedelta(days=9), status="archived")
    outcome = run(readiness.issues_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 issue is past the review date."
    assert links(outcome) == [("ISS-001 An internal issue", url("context:issue_detail", pk=lapsed.pk))]
    assert fix(outcome) == ("Review the issues", url("context:issue_list"))
    assert readiness.issues_reviewed.severity == Severity.OBSERVATION


def test_issues_reviewed_on_time_pass(personas, issue):
    outcome = run(readiness.issues_reviewed, personas.org)
    assert outcome.passed
    assert outcome.message == "No issue is past its review date."


# 4.2


def test_no_interested_party_is_a_stage_1_blocker(personas, foreign):
    outcome = run(readiness.parties_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "No interested party is recorded."
    assert fix(outcome) == ("Add an interested party", url("context:party_create"))


def test_a_party_without_requirements_is_named(personas, party):
    actions.create_party(
        actor=personas.contributor, organization=personas.org, name="Old", kind="other", status="archived"
    )
    outcome = run(readiness.parties_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 interested party has no requirement recorded."
    assert links(outcome) == [("Customers", url("context:party_detail", pk=party.pk))]
    assert fix(outcome) == ("Record what the parties require", url("context:party_list"))


def test_parties_with_requirements_pass(personas, requirement, foreign):
    outcome = run(readiness.parties_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "Every interested party has its relevant requirements recorded."


def test_an_obligation_under_review_is_named(personas, foreign):
    undecided = actions.create_obligation(
        actor=personas.contributor, organization=personas.org, kind="legal", title="GDPR", source="GDPR"
    )
    outcome = run(readiness.obligations_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 obligation is still under review."
    assert links(outcome) == [("OBL-001 GDPR", url("context:obligation_detail", pk=undecided.pk))]
    assert fix(outcome) == ("Decide whether the obligations apply", url("context:obligation_list"))
    assert readiness.obligations_decided.severity == Severity.STAGE2_NONCONFORMITY


def test_decided_obligations_pass(personas, obligation):
    outcome = run(readiness.obligations_decided, personas.org)
    assert outcome.passed
    assert outcome.message == "Every obligation's applicability is decided."


def test_a_requirement_not_addressed_is_named(personas, party, foreign):
    actions.add_requirement(
        actor=personas.contributor,
        party=party,
        description="Human review of every refusal",
        is_addressed=False,
        rationale="Not yet resourced",
    )
    outcome = run(readiness.requirements_addressed, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 requirement of an interested party is not yet addressed."
    assert links(outcome) == [
        ("Customers: Human review of every refusal", url("context:party_detail", pk=party.pk))
    ]
    assert fix(outcome) == ("Address the requirements", url("context:party_list"))


def test_addressed_requirements_pass(personas, requirement):
    outcome = run(readiness.requirements_addressed, personas.org)
    assert outcome.passed
    assert outcome.message == "Every requirement of an interested party is addressed by the AIMS."


# 4.3


def test_a_draft_scope_is_not_approved(personas, foreign):
    ScopeStatement.objects.filter(pk=foreign["scope"].pk).update(state="approved")
    actions.draft_scope(actor=personas.manager, organization=personas.org, boundaries="All of Acme")
    outcome = run(readiness.scope_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "The scope of the AIMS has not been approved."
    assert fix(outcome) == ("Draft and approve the scope", url("context:scope"))
    assert readiness.scope_approved.severity == Severity.STAGE1_BLOCKER


def test_an_approved_scope_passes(personas):
    approved_scope(personas)
    outcome = run(readiness.scope_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "An approved scope is in force."


def test_systems_cannot_be_placed_without_an_approved_scope(personas, chatbot):
    outcome = run(readiness.systems_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == "Without an approved scope no AI system can be shown in or out of it."
    assert fix(outcome) == ("Approve the scope", url("context:scope"))


def test_a_system_out_of_scope_without_an_exclusion_is_named(personas, chatbot):
    bot = system(personas.org, "AIS-002", "Bot", in_scope=False)
    system(personas.org, "AIS-003", "Old", in_scope=False, status="archived")
    approved_scope(personas, [{"what": "AIS-0020 Chatbot v2", "reason": "Retired next month"}])
    outcome = run(readiness.systems_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 AI system is out of scope with no exclusion and reason in the approved scope."
    )
    assert links(outcome) == [("AIS-002 Bot", url("ai_systems:system_detail", pk=bot.pk))]
    assert fix(outcome) == ("Review and approve the scope", url("context:scope"))
    assert readiness.systems_decided.severity == Severity.STAGE2_NONCONFORMITY


def test_systems_in_scope_or_excluded_with_a_reason_pass(personas, chatbot):
    system(personas.org, "AIS-002", "Bot", in_scope=False)
    system(personas.org, "AIS-003", "Internal search", in_scope=False)
    approved_scope(
        personas,
        [
            {"what": "AIS-002 and the staff tools", "reason": "Not used on customers"},
            {"what": "Internal search", "reason": "No decisions about people"},
        ],
    )
    system(personas.other_org, "AIS-009", "Globex", in_scope=False)
    outcome = run(readiness.systems_decided, personas.org)
    assert outcome.passed
    assert outcome.message == "Every AI system is in the approved scope or excluded from it with a reason."


def test_systems_put_in_scope_after_approval_are_all_counted(personas, chatbot):
    approved_scope(personas)
    for number in range(2, 27):
        system(personas.org, f"AIS-{number:03d}", f"System {number}")
    outcome = run(readiness.systems_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == "25 AI systems were put in scope after the scope was approved."
    assert outcome.count == 25
    assert len(outcome.records) == 20
    assert outcome.records[0].label == "AIS-002 System 2"


# 4.4


def test_no_ai_system_is_a_stage_1_blocker(personas):
    system(personas.other_org, "AIS-001", "Globex")
    system(personas.org, "AIS-001", "Retired", status="archived")
    outcome = run(readiness.aims_established, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI system is recorded in the inventory."
    assert fix(outcome) == ("Register an AI system", url("ai_systems:system_create"))


def test_an_inventory_passes(personas, chatbot):
    outcome = run(readiness.aims_established, personas.org)
    assert outcome.passed
    assert outcome.message == "The AI system inventory the AIMS runs on is in place."


# Fixed queries, and the engine


def _records(personas, number: int) -> None:
    make_issue(personas, title=f"Issue {number}", review_on=TODAY - timedelta(days=number))
    party = actions.create_party(
        actor=personas.contributor, organization=personas.org, name=f"Party {number}", kind="other"
    )
    actions.add_requirement(
        actor=personas.contributor, party=party, description="x", is_addressed=False, rationale="y"
    )
    actions.create_party(
        actor=personas.contributor, organization=personas.org, name=f"Silent {number}", kind="other"
    )
    actions.create_obligation(
        actor=personas.contributor, organization=personas.org, kind="legal", title=f"O {number}", source="x"
    )
    system(personas.org, f"AIS-{number:03d}", f"Out {number}", in_scope=False)
    system(personas.org, f"AIS-1{number:02d}", f"Late {number}")


def test_queries_do_not_grow_with_the_records(personas):
    approved_scope(personas)
    _records(personas, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _records(personas, number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert run(readiness.systems_decided, personas.org).count == 10


def test_the_engine_runs_the_rules_under_clause_4(personas, chatbot):
    results = {r.id: r for r in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["4.4-aims-established"].ok
    assert results["4.3-scope-approved"].refs == ("4.3",)
