"""The clause 10 readiness rules read from the improvement register: opportunities recorded and decided,
closed nonconformities complete, nothing open past its due date, open ones owned and dated."""

from __future__ import annotations

from datetime import date, timedelta

from django.urls import reverse
from django.utils import timezone

from aims.improvement import actions, readiness
from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run

from .conftest import raise_one

TODAY = timezone.localdate()
TITLE = "Impact assessment of AIS-004 overdue"


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


# 10.1: opportunities


def test_no_recent_opportunity_is_an_observation(personas, foreign_opportunity):
    outcome = run(readiness.opportunities_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "No opportunity for improvement has been recorded within the last 12 months."
    assert outcome.records == ()
    assert outcome.fix is not None
    assert outcome.fix.label == "Record an opportunity for improvement"
    assert outcome.fix.url == url("improvement:opportunity_create")
    assert readiness.opportunities_recorded.severity == Severity.OBSERVATION


def test_a_recent_opportunity_passes(personas, opportunity):
    outcome = run(readiness.opportunities_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "1 opportunity for improvement was recorded within the last 12 months."


def test_an_old_opportunity_is_not_recent(personas, opportunity):
    ImprovementOpportunity.objects.filter(pk=opportunity.pk).update(raised_on=days(-400))
    assert not run(readiness.opportunities_recorded, personas.org).passed


def test_an_opportunity_long_undecided_is_named(personas, opportunity, foreign_opportunity):
    ImprovementOpportunity.objects.filter(pk__in=[opportunity.pk, foreign_opportunity.pk]).update(
        raised_on=days(-100)
    )
    outcome = run(readiness.opportunities_decided, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 opportunity for improvement has waited more than 90 days to be accepted or declined."
    )
    assert links(outcome) == [
        (
            "IMP-0001 Automate the monthly fairness report",
            url("improvement:opportunity_detail", pk=opportunity.pk),
        )
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Decide the proposed opportunities"
    assert outcome.fix.url == url("improvement:opportunity_list")


def test_decided_and_recent_opportunities_pass(personas, opportunity):
    old = actions.record_opportunity(
        actor=personas.contributor,
        organization=personas.org,
        title="Old idea",
        description="Declined later.",
        source="suggestion",
    )
    ImprovementOpportunity.objects.filter(pk=old.pk).update(raised_on=days(-100))
    actions.decide_opportunity(
        actor=personas.manager, opportunity=old, decision="declined", reason="No gain."
    )
    outcome = run(readiness.opportunities_decided, personas.org)
    assert outcome.passed
    assert outcome.message == "No opportunity for improvement has waited more than 90 days for a decision."


# 10.2: closed nonconformities complete


def test_a_closed_nonconformity_without_its_chain_is_named(personas, nc):
    Nonconformity.objects.filter(pk=nc.pk).update(status="closed", closed_on=TODAY)
    outcome = run(readiness.closed_complete, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "1 closed nonconformity lacks a root cause, a corrective action done or a check that found it "
        "effective."
    )
    assert links(outcome) == [
        (
            f"NC-0001 {TITLE}: no root cause, no corrective action done, not verified as effective",
            url("improvement:nonconformity_detail", pk=nc.pk),
        )
    ]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Reopen and complete them",
        url("improvement:nonconformity_list"),
    )
    assert readiness.closed_complete.severity == Severity.STAGE2_NONCONFORMITY


def test_a_check_of_an_earlier_round_does_not_prove_the_latest(personas, verified):
    Nonconformity.objects.filter(pk=verified.pk).update(status="closed", verification_round=2)
    outcome = run(readiness.closed_complete, personas.org)
    assert [link.label for link in outcome.records] == [f"NC-0001 {TITLE}: not verified as effective"]


def test_a_nonconformity_closed_through_its_workflow_passes(personas, verified, foreign):
    actions.close_nonconformity(actor=personas.owner, nonconformity=verified)
    Nonconformity.objects.filter(pk=foreign.pk).update(status="closed")
    outcome = run(readiness.closed_complete, personas.org)
    assert outcome.passed
    assert outcome.message == (
        "Every closed nonconformity has a root cause, a corrective action done and an effective check."
    )


# 10.2: on time


def test_a_nonconformity_past_its_due_date_is_named(personas, foreign):
    late = raise_one(personas, raised_on=days(-10), due_on=days(-2))
    raise_one(personas, title="Due later", due_on=days(5))
    closed = raise_one(personas, title="Closed", raised_on=days(-10), due_on=days(-2))
    Nonconformity.objects.filter(pk__in=[closed.pk, foreign.pk]).update(status="closed", due_on=days(-2))
    outcome = run(readiness.nonconformities_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 nonconformity is open past the due date."
    assert links(outcome) == [
        (f"NC-0001 {TITLE}: due {days(-2):%Y-%m-%d}", url("improvement:nonconformity_detail", pk=late.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Bring the nonconformities up to date"
    assert outcome.fix.url == url("improvement:nonconformity_list")


def test_nonconformities_within_their_due_date_pass(personas):
    raise_one(personas, due_on=TODAY)
    outcome = run(readiness.nonconformities_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No nonconformity is open past its due date."


def _add_action(personas, nc: Nonconformity, due_on, text: str = "Add a reminder"):
    return actions.add_corrective_action(
        actor=personas.contributor,
        nonconformity=nc,
        description=text,
        owner=personas.contributor,
        due_on=due_on,
    )


def test_a_corrective_action_past_its_due_date_is_named(personas, nc, foreign):
    _add_action(personas, nc, days(-1))
    _add_action(personas, nc, days(3), "Later")
    actions.add_corrective_action(
        actor=personas.outsider, nonconformity=foreign, description="Theirs", owner=personas.outsider,
        due_on=days(-9),
    )  # fmt: skip
    outcome = run(readiness.actions_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 corrective action is open past the due date."
    assert links(outcome) == [
        (
            f"NC-0001 Add a reminder: due {days(-1):%Y-%m-%d}",
            url("improvement:nonconformity_detail", pk=nc.pk),
        )
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Bring the corrective actions up to date"
    assert outcome.fix.url == url("improvement:nonconformity_list")


def test_corrective_actions_done_or_not_yet_due_pass(personas, nc, foreign):
    done = _add_action(personas, nc, days(-1))
    actions.complete_corrective_action(actor=personas.contributor, action=done)
    _add_action(personas, nc, days(2))
    actions.add_corrective_action(
        actor=personas.outsider, nonconformity=foreign, description="Theirs", owner=personas.outsider,
        due_on=days(-9),
    )  # fmt: skip
    outcome = run(readiness.actions_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No corrective action is open past its due date."


def test_open_nonconformities_without_owner_or_due_date_are_an_observation(personas, nc, foreign):
    unowned = raise_one(personas, title="Unowned", owner=None)
    raise_one(personas, title="Planned", due_on=days(9))
    outcome = run(readiness.nonconformities_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 open nonconformities have no owner or no due date."
    assert links(outcome) == [
        (f"NC-0001 {TITLE}: no due date", url("improvement:nonconformity_detail", pk=nc.pk)),
        ("NC-0002 Unowned: no owner and no due date", url("improvement:nonconformity_detail", pk=unowned.pk)),
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("improvement:nonconformity_list")
    assert readiness.nonconformities_planned.severity == Severity.OBSERVATION


def test_owned_and_dated_nonconformities_pass(personas):
    raise_one(personas, due_on=days(9))
    outcome = run(readiness.nonconformities_planned, personas.org)
    assert outcome.passed
    assert outcome.message == "Every open nonconformity has an owner and a due date."


# Fixed queries, and the engine


def _at_fault(personas, number: int) -> None:
    nc = raise_one(personas, title=f"NC {number}", owner=None, raised_on=days(-10), due_on=days(-1))
    _add_action(personas, nc, days(-1))
    closed = raise_one(personas, title=f"Closed {number}")
    Nonconformity.objects.filter(pk=closed.pk).update(status="closed")
    item = actions.record_opportunity(
        actor=personas.contributor, organization=personas.org, title=f"Idea {number}", description="x",
        source="other",
    )  # fmt: skip
    ImprovementOpportunity.objects.filter(pk=item.pk).update(raised_on=days(-100))


def test_queries_do_not_grow_with_the_register(personas):
    _at_fault(personas, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _at_fault(personas, number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert run(readiness.closed_complete, personas.org).count == 5


def test_the_engine_runs_the_rules_under_clause_10(personas, opportunity):
    results = {r.id: r for r in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["10.1-opportunities-recorded"].refs == ("10.1",)
    assert results["10.1-opportunities-recorded"].ok
    assert results["10.2-closed-complete"].refs == ("10.2",)
