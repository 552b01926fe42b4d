"""The risk readiness rules (6.1.1 to 6.1.3, 8.2, 8.3): what each finds, the records it names, where to fix
them, that Globex's records never count, and that the queries do not grow with the records."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.changes.models import PlannedChange
from aims.controls.models import Control
from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.models import ReadinessSettings
from aims.readiness.testing import links, queries, run, url
from aims.risks import actions, readiness
from aims.risks.levels import DEFAULT_SPEC
from aims.risks.models import Risk, TreatmentAction

TODAY = timezone.localdate()
NOW = timezone.now()


def make_system(organization: Organization, number: int, **fields: Any) -> AISystem:
    return AISystem.objects.create(
        organization=organization,
        reference=f"AIS-{number:03d}",
        name=f"System {number}",
        purpose="P",
        **fields,
    )


def make_risk(organization: Organization, number: int, system: AISystem | None = None, **fields: Any) -> Risk:
    return Risk.objects.create(
        organization=organization,
        number=number,
        reference=f"RSK-{number:04d}",
        title=f"Risk {number}",
        ai_system=system,
        **fields,
    )


def test_the_register_in_use_passes(personas):
    make_risk(personas.org, 1)
    outcome = run(readiness.risks_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "Risks are recorded in the risk register."


def test_an_empty_register_is_a_blocker_whatever_globex_records(personas, foreign):
    make_risk(personas.org, 1, status=Risk.Status.CLOSED)
    make_risk(personas.org, 2, kind=Risk.Kind.OPPORTUNITY)
    outcome = run(readiness.risks_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "No open risk is recorded in the risk register."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Record a risk", url("risks:risk_create"))
    assert readiness.risks_recorded.severity == "stage1_blocker"


def test_an_in_scope_system_without_open_risks_is_named(personas):
    silent = make_system(personas.org, 1)
    closed_only = make_system(personas.org, 2)
    make_risk(personas.org, 1, closed_only, status=Risk.Status.CLOSED)
    make_risk(personas.org, 2, make_system(personas.org, 3))
    make_system(personas.org, 4, in_scope=False)
    make_system(personas.other_org, 5)
    outcome = run(readiness.systems_risks_identified, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 AI systems in scope have no open risk recorded."
    assert links(outcome) == [
        ("AIS-001 System 1", url("ai_systems:system_detail", pk=silent.pk)),
        ("AIS-002 System 2", url("ai_systems:system_detail", pk=closed_only.pk)),
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_create")


def test_every_system_with_a_risk_passes(personas, risk):
    outcome = run(readiness.systems_risks_identified, personas.org)
    assert outcome.passed
    assert outcome.message == "Every AI system in scope has at least one open risk recorded."


def test_opportunities_never_recorded_are_an_observation(personas):
    make_risk(personas.org, 1)
    Risk.objects.create(
        organization=personas.other_org, number=1, reference="RSK-0001", title="Globex", kind="opportunity"
    )
    outcome = run(readiness.opportunities, personas.org)
    assert not outcome.passed
    assert (
        outcome.message == "No opportunity has ever been recorded: only what may go wrong is on the register."
    )
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_create")
    make_risk(personas.org, 2, kind=Risk.Kind.OPPORTUNITY, status=Risk.Status.CLOSED)
    assert run(readiness.opportunities, personas.org).message == "Opportunities are recorded alongside risks."


def test_no_criteria_in_force_is_a_blocker(personas):
    actions.ensure_default_criteria(personas.other_org)
    outcome = run(readiness.risk_criteria, personas.org)
    assert not outcome.passed
    assert outcome.message == "No risk criteria are in force: risks cannot be rated or accepted against them."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Set the risk criteria", url("risks:criteria"))


def test_criteria_in_force_pass_but_the_shipped_default_is_an_observation(personas):
    actions.ensure_default_criteria(personas.org)
    assert run(readiness.risk_criteria, personas.org).message == "Risk criteria version 1 are in force."
    outcome = run(readiness.risk_criteria_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "The risk criteria in force (version 1) are the defaults aims put in place; "
        "no one has reviewed and approved them."
    )
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:criteria")


def test_criteria_an_owner_approved_pass(personas):
    draft = actions.draft_criteria(actor=personas.manager, organization=personas.org, spec=DEFAULT_SPEC)
    actions.approve_criteria(actor=personas.owner, criteria=draft)
    outcome = run(readiness.risk_criteria_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "The risk criteria in force (version 1) were approved by a person."


def test_risks_never_rated_are_an_observation(personas, risk):
    outcome = run(readiness.risks_rated, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 open risk has never been rated."
    assert links(outcome) == [(f"{risk.reference} {risk.title}", url("risks:risk_detail", pk=risk.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")


def test_rated_risks_pass(personas, assessed, foreign):
    assert run(readiness.risks_rated, personas.org).passed


class TestSystemsAssessed:
    def test_a_recent_assessment_passes(self, personas, assessed):
        outcome = run(readiness.systems_assessed, personas.org)
        assert outcome.passed
        assert outcome.message == (
            "Every AI system in scope has a risk assessed in the last 12 months "
            "and since its last approved change."
        )

    def test_an_assessment_older_than_the_setting_is_a_nonconformity(self, personas):
        system = make_system(personas.org, 1)
        make_risk(personas.org, 1, system, status="assessed", assessed_at=NOW - timedelta(days=60))
        assert run(readiness.systems_assessed, personas.org).passed
        ReadinessSettings.objects.create(organization=personas.org, risk_assessment_months=1)
        outcome = run(readiness.systems_assessed, personas.org)
        assert not outcome.passed
        assert outcome.message == (
            "1 AI system in scope has no risk assessed in the last 1 month, "
            "or none since an approved change or a move to another life-cycle stage."
        )
        assert links(outcome) == [("AIS-001 System 1", url("ai_systems:system_detail", pk=system.pk))]
        assert outcome.fix is not None
        assert outcome.fix.url == url("risks:risk_list")

    def test_an_approved_change_after_the_assessment_breaks_the_chain(self, personas):
        system = make_system(personas.org, 1)
        make_risk(personas.org, 1, system, status="assessed", assessed_at=NOW - timedelta(days=30))
        change = PlannedChange.objects.create(
            organization=personas.org, number=1, reference="CHG-0001", title="Retrain", description="d",
            purpose="p", kind="ai_system", risk_level="low", status="implemented",
            decided_at=NOW - timedelta(days=10),
        )  # fmt: skip
        change.ai_systems.add(system)
        assert [r.label for r in run(readiness.systems_assessed, personas.org).records] == [
            "AIS-001 System 1"
        ]
        make_risk(personas.org, 2, system, status="assessed", assessed_at=NOW - timedelta(days=5))
        assert run(readiness.systems_assessed, personas.org).passed

    def test_a_move_along_the_life_cycle_after_the_assessment_breaks_the_chain(self, personas):
        system = make_system(personas.org, 1, stage_changed_at=NOW - timedelta(days=2))
        make_risk(personas.org, 1, system, status="assessed", assessed_at=NOW - timedelta(days=3))
        assert run(readiness.systems_assessed, personas.org).count == 1

    def test_closed_risks_opportunities_and_globex_do_not_count(self, personas, foreign):
        system = make_system(personas.org, 1)
        make_risk(personas.org, 1, system, status="closed", assessed_at=NOW)
        make_risk(personas.org, 2, system, kind="opportunity", status="assessed", assessed_at=NOW)
        make_system(personas.other_org, 9)
        outcome = run(readiness.systems_assessed, personas.org)
        assert [r.label for r in outcome.records] == ["AIS-001 System 1"]


def test_risks_past_their_review_date_are_named(personas, system):
    lapsed = make_risk(personas.org, 1, system, next_review_on=TODAY - timedelta(days=1))
    make_risk(personas.org, 2, system, next_review_on=TODAY)
    make_risk(personas.org, 3, system, next_review_on=TODAY - timedelta(days=5), status="closed")
    make_risk(
        personas.org, 4, make_system(personas.org, 9, in_scope=False), next_review_on=TODAY - timedelta(1)
    )
    Risk.objects.create(
        organization=personas.other_org, number=1, reference="RSK-0001", title="G", next_review_on=TODAY
    )
    outcome = run(readiness.risks_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 open risk is past the review date."
    assert links(outcome) == [("RSK-0001 Risk 1", url("risks:risk_detail", pk=lapsed.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")


def test_risks_reviewed_on_time_pass(personas, system):
    make_risk(personas.org, 1, system, next_review_on=TODAY + timedelta(days=1))
    assert run(readiness.risks_reviewed, personas.org).message == "No open risk is past its review date."


def test_risks_awaiting_reassessment_are_an_observation(personas, system):
    waiting = make_risk(
        personas.org, 1, system, reassessment_requested_on=TODAY, reassessment_reason="CHG-0001"
    )
    outcome = run(readiness.reassessment_requested, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 open risk is still to be reassessed after an approved change."
    assert links(outcome) == [("RSK-0001 Risk 1", url("risks:risk_detail", pk=waiting.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")
    actions.assess_risk(actor=personas.contributor, risk=waiting, likelihood=1, consequence=1)
    assert run(readiness.reassessment_requested, personas.org).passed


def test_a_relied_on_control_not_included_is_named(personas, treated, control):
    outcome = run(readiness.relied_controls_included, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 control chosen to treat risks is not included in the Statement of Applicability."
    )
    assert links(outcome) == [
        ("ORG-001 Fairness testing: undecided", url("controls:control_detail", pk=control.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("controls:soa")


def test_relied_on_controls_included_or_relied_on_by_closed_risks_pass(personas, treated, control):
    Control.objects.filter(pk=control.pk).update(decision="included")
    other = Control.objects.create(organization=personas.org, reference="ORG-002", title="Unused")
    closed = make_risk(personas.org, 50, status="closed")
    closed.controls.add(other)
    outcome = run(readiness.relied_controls_included, personas.org)
    assert outcome.passed
    assert (
        outcome.message
        == "Every control chosen to treat a risk is included in the Statement of Applicability."
    )


def test_a_risk_at_an_unacceptable_level_without_treatment_is_a_nonconformity(personas, risk):
    actions.assess_risk(actor=personas.contributor, risk=risk, likelihood=5, consequence=5)
    outcome = run(readiness.treatment_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 open risk is at a level the risk criteria do not accept, with no treatment planned that brings it "
        "within them."
    )
    assert links(outcome) == [(f"{risk.reference} {risk.title}", url("risks:risk_detail", pk=risk.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")
    assert run(readiness.treatment_decided, personas.org).passed  # counted once, as the nonconformity


def test_a_treatment_leaving_the_residual_risk_unacceptable_still_fails(personas, risk, control):
    actions.assess_risk(actor=personas.contributor, risk=risk, likelihood=5, consequence=5)
    actions.plan_treatment(
        actor=personas.contributor, risk=risk, option="modify", plan="Try", controls=[control],
        residual_likelihood=5, residual_consequence=4,
    )  # fmt: skip
    assert run(readiness.treatment_planned, personas.org).count == 1


def test_a_treatment_within_the_acceptable_level_passes(personas, treated):
    outcome = run(readiness.treatment_planned, personas.org)
    assert outcome.passed
    assert outcome.message == "No open risk is left at a level the risk criteria do not accept."


def test_an_assessed_risk_with_no_treatment_is_an_observation(personas, assessed, foreign):
    actions.assess_risk(actor=personas.outsider, risk=foreign, likelihood=1, consequence=1)
    outcome = run(readiness.treatment_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 assessed risk has no treatment option chosen yet (modify, avoid, share or retain)."
    )
    assert links(outcome) == [
        (f"{assessed.reference} {assessed.title}", url("risks:risk_detail", pk=assessed.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")
    assert run(readiness.treatment_planned, personas.org).passed  # high is acceptable by an owner


def test_treated_risks_pass_the_treatment_decided_rule(personas, treated):
    assert run(readiness.treatment_decided, personas.org).message == (
        "Every assessed risk has a treatment option chosen."
    )


def test_an_expired_acceptance_is_named(personas, treated):
    actions.accept_risk(
        actor=personas.owner, risk=treated, rationale="Tested monthly", expires_on=TODAY + timedelta(days=30)
    )
    assert run(readiness.acceptance_current, personas.org).passed
    Risk.objects.filter(pk=treated.pk).update(acceptance_expires_on=TODAY - timedelta(days=1))
    outcome = run(readiness.acceptance_current, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 accepted risk has its acceptance expired."
    assert links(outcome) == [
        (f"{treated.reference} {treated.title}", url("risks:risk_detail", pk=treated.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Accept them again or treat them further"


def test_overdue_treatment_actions_are_named_with_their_risk(personas, treated):
    late = TreatmentAction.objects.create(risk=treated, title="Bias test", due_on=TODAY - timedelta(days=2))
    TreatmentAction.objects.create(risk=treated, title="Later", due_on=TODAY)
    TreatmentAction.objects.create(
        risk=treated, title="Done", due_on=TODAY - timedelta(days=9), status="done"
    )
    outcome = run(readiness.actions_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 treatment action is overdue."
    assert links(outcome) == [(f"{treated.reference}: {late.title}", url("risks:risk_detail", pk=treated.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")


def test_treatment_actions_on_time_pass_and_globex_is_not_counted(personas, treated, foreign):
    TreatmentAction.objects.create(risk=foreign, title="Globex", due_on=TODAY - timedelta(days=2))
    outcome = run(readiness.actions_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No treatment action is overdue."


def _populate(personas, start: int, stop: int, control: Control) -> None:
    """Systems, each with risks in every state the rules look at."""
    criteria = actions.ensure_default_criteria(personas.org)
    for n in range(start, stop):
        system = make_system(personas.org, n, stage_changed_at=NOW)
        base = n * 10
        make_risk(personas.org, base + 1, system, next_review_on=TODAY - timedelta(days=1))
        make_risk(personas.org, base + 2, system, reassessment_requested_on=TODAY)
        accepted = make_risk(
            personas.org,
            base + 3,
            system,
            status="accepted",
            acceptance_expires_on=TODAY - timedelta(days=1),
            assessed_at=NOW - timedelta(days=400),
        )
        accepted.controls.add(control)
        TreatmentAction.objects.create(risk=accepted, title="Late", due_on=TODAY - timedelta(days=1))
        critical = {"criteria": criteria, "level_key": "critical", "level_rank": 4}
        make_risk(
            personas.org, base + 4, system, status="assessed", assessed_at=NOW - timedelta(1), **critical
        )
        make_risk(personas.org, base + 5, system, status="assessed", assessed_at=NOW, level_rank=2)


@pytest.mark.parametrize("rule", readiness.RULES, ids=lambda rule: rule.id)
def test_queries_do_not_grow_with_the_records(personas, control, rule):
    _populate(personas, 1, 2, control)
    run(rule, personas.org)  # warm caches (content types, criteria)
    one = queries(rule, personas.org)
    _populate(personas, 2, 6, control)
    assert queries(rule, personas.org) == one


def test_the_engine_reports_every_risk_rule(personas, catalog):
    results = {r.id: r for r in compute(personas.org).results}
    for rule in readiness.RULES:
        assert results[rule.id].status in {"pass", "fail"}
    assert results["6.1.2-systems-assessed"].refs == ("6.1.2", "8.2")
