"""The AI objective readiness rules (6.2): objectives active, each planned in full, evaluated once due, and
the steps of their plans done on time."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from aims.objectives import readiness
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.testing import queries, run, url

TODAY = timezone.localdate()


def make_objective(organization: Organization, number: int, *, plan: bool = True, **fields: Any) -> Objective:
    """An active objective with everything 6.2 asks for, unless `fields` take something away."""
    values: dict[str, Any] = {
        "status": "active",
        "owner": None,
        "target_value": Decimal(2),
        "due_on": TODAY + timedelta(days=90),
        "evaluation": "Quarterly by the AI committee",
    }
    values.update(fields)
    objective = Objective.objects.create(
        organization=organization,
        number=number,
        reference=f"OBJ-{number:03d}",
        title=f"Goal {number}",
        **values,
    )
    if plan:
        ObjectivePlanItem.objects.create(objective=objective, what="Measure monthly", due_on=values["due_on"])
    return objective


def test_no_active_objective_is_a_blocker(personas, objective, foreign):
    foreign.status = "active"
    foreign.save()
    outcome = run(readiness.objectives_set, personas.org)
    assert not outcome.passed
    assert outcome.message == "No AI objective is active."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Set an AI objective", url("objectives:objective_create"))
    assert readiness.objectives_set.severity == "stage1_blocker"


def test_active_objectives_pass(personas, active):
    outcome = run(readiness.objectives_set, personas.org)
    assert outcome.passed
    assert outcome.message == "1 AI objective is active."


def test_a_fully_planned_objective_passes(personas):
    make_objective(personas.org, 1, owner=personas.manager)
    make_objective(personas.other_org, 1, plan=False)
    outcome = run(readiness.objectives_planned, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "Every active objective has an owner, a target, a due date, a plan and a way to evaluate it."
    )


def test_an_objective_judged_in_words_has_a_target(personas):
    make_objective(
        personas.org, 1, owner=personas.manager, target_value=None, manual_measure="Audit finds none"
    )
    assert run(readiness.objectives_planned, personas.org).passed


def test_what_each_active_objective_lacks_is_said(personas):
    bare = make_objective(personas.org, 1, plan=False, target_value=None, due_on=None, evaluation="")
    unowned = make_objective(personas.org, 2)
    make_objective(personas.org, 3, owner=personas.manager)
    make_objective(personas.org, 4, status="draft", plan=False)
    outcome = run(readiness.objectives_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "2 active objectives lack an owner, a target, a due date, a plan or an evaluation method."
    )
    assert [(r.label, r.url) for r in outcome.records] == [
        (
            "OBJ-001 Goal 1: no owner, no target, no due date, no plan, no evaluation method",
            url("objectives:objective_detail", pk=bare.pk),
        ),
        ("OBJ-002 Goal 2: no owner", url("objectives:objective_detail", pk=unowned.pk)),
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("objectives:objective_list")


def test_an_objective_past_due_without_outcome_is_a_nonconformity(personas):
    late = make_objective(personas.org, 1, owner=personas.manager, due_on=TODAY - timedelta(days=1))
    make_objective(personas.org, 2, status="achieved", due_on=TODAY - timedelta(days=30))
    make_objective(personas.other_org, 1, due_on=TODAY - timedelta(days=30))
    outcome = run(readiness.objectives_evaluated, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 objective is past the due date with no outcome recorded."
    assert [(r.label, r.url) for r in outcome.records] == [
        ("OBJ-001 Goal 1", url("objectives:objective_detail", pk=late.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Record their outcome"


def test_objectives_not_yet_due_pass(personas):
    make_objective(personas.org, 1, due_on=TODAY)
    outcome = run(readiness.objectives_evaluated, personas.org)
    assert outcome.passed
    assert outcome.message == "No active objective is past its due date without an outcome."


def test_overdue_plan_steps_are_an_observation(personas):
    objective = make_objective(personas.org, 1, plan=False)
    ObjectivePlanItem.objects.create(
        objective=objective, what="Train staff", due_on=TODAY - timedelta(days=3)
    )
    ObjectivePlanItem.objects.create(
        objective=objective, what="Done", due_on=TODAY - timedelta(days=3), is_done=True
    )
    outcome = run(readiness.plan_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 plan step is overdue."
    assert [(r.label, r.url) for r in outcome.records] == [
        ("OBJ-001: Train staff", url("objectives:objective_detail", pk=objective.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("objectives:objective_list")
    assert readiness.plan_on_time.severity == "observation"


def test_plan_steps_on_time_pass_and_globex_is_not_counted(personas):
    make_objective(personas.org, 1)
    theirs = make_objective(personas.other_org, 1, plan=False)
    ObjectivePlanItem.objects.create(objective=theirs, what="Globex step", due_on=TODAY - timedelta(days=3))
    outcome = run(readiness.plan_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No step of an active objective's plan is overdue."


def _populate(organization: Organization, start: int, stop: int) -> None:
    for n in range(start, stop):
        objective = make_objective(organization, n, due_on=TODAY - timedelta(days=n), evaluation="")
        ObjectivePlanItem.objects.create(objective=objective, what="Late", due_on=TODAY - timedelta(days=1))


@pytest.mark.parametrize("rule", readiness.RULES, ids=lambda rule: rule.id)
def test_queries_do_not_grow_with_the_objectives(personas, rule):
    _populate(personas.org, 1, 2)
    run(rule, personas.org)
    one = queries(rule, personas.org)
    _populate(personas.org, 2, 6)
    assert queries(rule, personas.org) == one


def test_the_engine_reports_clause_6_2(personas, catalog, active):
    readiness_now = compute(personas.org)
    results = {r.id: r for r in readiness_now.results_for("6.2")}
    assert set(results) >= {r.id for r in readiness.RULES}
    assert results["6.2-objectives-set"].ok
