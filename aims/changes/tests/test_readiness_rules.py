"""The planned change readiness rules (6.3, 8.1): changes decided and made on time, their risk weighed, and
what they marked reassessed once they are made."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.changes import actions, readiness
from aims.changes.models import PlannedChange
from aims.impact_assessments.models import ImpactAssessment
from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.testing import links, queries, run, url
from aims.risks.actions import assess_risk

from .conftest import make_risk, plan

TODAY = timezone.localdate()


def make_change(organization: Organization, number: int, **fields: Any) -> PlannedChange:
    values = plan(**fields)
    return PlannedChange.objects.create(
        organization=organization, number=number, reference=f"CHG-{number:04d}", **values
    )


def test_changes_past_their_planned_date_are_an_observation(personas):
    yesterday = TODAY - timedelta(days=1)
    waiting = make_change(personas.org, 1, status="submitted", planned_on=yesterday)
    approved = make_change(personas.org, 2, status="approved", planned_on=yesterday - timedelta(days=1))
    make_change(personas.org, 3, status="implemented", planned_on=yesterday, implemented_on=yesterday)
    make_change(personas.org, 4, status="draft", planned_on=yesterday)
    make_change(personas.org, 5, status="approved", planned_on=TODAY)
    make_change(personas.other_org, 1, status="approved", planned_on=yesterday)
    outcome = run(readiness.changes_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "2 changes are past the planned date, still awaiting a decision or not recorded as made."
    )
    assert links(outcome) == [
        (f"CHG-0002 {approved.title}", url("changes:change_detail", pk=approved.pk)),
        (f"CHG-0001 {waiting.title}", url("changes:change_detail", pk=waiting.pk)),
    ]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Decide them or record them as made",
        url("changes:change_list"),
    )
    assert readiness.changes_on_time.severity == "observation"


def test_changes_on_time_pass(personas, submitted):
    outcome = run(readiness.changes_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No submitted or approved change is past its planned date."


def test_a_change_to_an_ai_system_put_up_without_its_risk_is_a_nonconformity(personas, submitted, system):
    PlannedChange.objects.filter(pk=submitted.pk).update(risk_assessment="")
    unnamed = make_change(personas.org, 9, status="approved", kind="ai_system", risk_assessment="")
    make_change(personas.org, 10, status="approved", kind="process", risk_assessment="")
    make_change(personas.org, 11, status="draft", risk_assessment="")
    make_change(personas.other_org, 1, status="approved", risk_assessment="")
    outcome = run(readiness.change_risks_weighed, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "2 changes to AI systems were put up for decision with no risk assessment written down."
    )
    assert links(outcome) == [
        (f"{submitted.reference} {submitted.title}", url("changes:change_detail", pk=submitted.pk)),
        (f"CHG-0009 {unnamed.title}", url("changes:change_detail", pk=unnamed.pk)),
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("changes:change_list")


def test_changes_with_their_risk_written_down_pass(personas, submitted):
    outcome = run(readiness.change_risks_weighed, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "Every change to an AI system put up for decision has its risk assessment written down."
    )


def test_a_change_made_before_what_it_marked_is_reassessed_is_a_nonconformity(
    personas, submitted, risks, approved_ia
):
    approved = actions.approve_change(actor=personas.manager, change=submitted)
    assert run(readiness.changes_followed_up, personas.org).passed  # approved, not yet made
    made = actions.implement_change(actor=personas.contributor, change=approved, implemented_on=TODAY)
    outcome = run(readiness.changes_followed_up, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 change was made while risks or impact assessments it marked are still to be assessed again."
    )
    assert links(outcome) == [(f"{made.reference} {made.title}", url("changes:change_detail", pk=made.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("risks:risk_list")
    assess_risk(actor=personas.contributor, risk=risks["open"], likelihood=2, consequence=2)
    assert not run(readiness.changes_followed_up, personas.org).passed  # the impact assessment still waits
    ImpactAssessment.objects.filter(pk=approved_ia.pk).update(reassessment_requested_on=None)
    outcome = run(readiness.changes_followed_up, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "Every change made has had the risks and impact assessments it affected assessed again."
    )


def test_globex_changes_are_never_counted(personas, foreign):
    PlannedChange.objects.filter(pk=foreign.pk).update(
        status="implemented", planned_on=TODAY - timedelta(days=9), risk_assessment="", kind="ai_system"
    )
    assert all(run(rule, personas.org).passed for rule in readiness.RULES)


def _populate(personas, start: int, stop: int) -> None:
    """Changes late, made without their risk written down, and marking risks still to be reassessed."""
    for n in range(start, stop):
        change = make_change(
            personas.org, n, status="implemented", planned_on=TODAY - timedelta(days=n), risk_assessment=""
        )
        change.marked_risks.add(make_risk(personas, None, n, reassessment_requested_on=TODAY))
        make_change(personas.org, 100 + n, status="approved", planned_on=TODAY - timedelta(days=n))


@pytest.mark.parametrize("rule", readiness.RULES, ids=lambda rule: rule.id)
def test_queries_do_not_grow_with_the_changes(personas, rule):
    _populate(personas, 1, 2)
    run(rule, personas.org)
    one = queries(rule, personas.org)
    _populate(personas, 2, 6)
    assert queries(rule, personas.org) == one


def test_the_engine_reports_clause_6_3(personas, catalog, submitted):
    results = {r.id: r for r in compute(personas.org).results_for("6.3")}
    assert set(results) >= {r.id for r in readiness.RULES}
    assert results["6.3-change-risks-weighed"].refs == ("6.3", "8.1")
