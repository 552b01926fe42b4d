"""The clause 9.1 readiness rules: metrics defined, owned and described, measured on time, breaches
followed up; each in a fixed number of queries, and blind to other organisations."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from aims.improvement.models import Nonconformity
from aims.monitoring import actions, readiness
from aims.monitoring.models import Metric
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run

from .conftest import ago, measure

TODAY = timezone.localdate()


def url(name: str, **kwargs: int) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def defined_days_ago(metric: Metric, days: int) -> None:
    Metric.objects.filter(pk=metric.pk).update(created_at=ago(days=days))


def make_metric(personas, number: int, **values) -> Metric:
    return actions.create_metric(
        actor=personas.manager,
        organization=personas.org,
        name=f"Metric {number}",
        frequency="monthly",
        source="manual",
        **values,
    )


def test_no_metric_is_a_stage_1_blocker(personas, foreign):
    outcome = run(readiness.metrics_defined, personas.org)
    assert not outcome.passed
    assert outcome.message == (
        "No metric is defined: nothing says what is monitored and measured, how and how often."
    )
    assert outcome.records == ()
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Define a metric", url("monitoring:metric_create"))
    assert readiness.metrics_defined.severity == Severity.STAGE1_BLOCKER


def test_defined_metrics_pass(personas, metric, gap):
    outcome = run(readiness.metrics_defined, personas.org)
    assert outcome.passed
    assert outcome.message == "2 metrics say what is measured, how and how often."


def test_a_metric_without_an_owner_is_named(personas, metric, gap, foreign):
    outcome = run(readiness.metrics_owned, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 metric has no owner to evaluate the results."
    assert links(outcome) == [("MET-002 Fairness gap", url("monitoring:metric_detail", pk=gap.pk))]
    assert outcome.count == 1
    assert outcome.fix is not None
    assert outcome.fix.label == "Name an owner for each metric"
    assert outcome.fix.url == url("monitoring:metric_list")


def test_owned_metrics_pass(personas, metric, foreign):
    outcome = run(readiness.metrics_owned, personas.org)
    assert outcome.passed
    assert outcome.message == "Every metric has an owner who measures it and evaluates the results."


def test_a_metric_without_a_method_is_an_observation(personas, metric, gap):
    actions.update_metric(actor=personas.manager, metric=gap, changes={"method": "Weekly sample of 500"})
    outcome = run(readiness.metrics_method, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 metric does not say how it is measured."
    assert links(outcome) == [
        ("MET-001 Credit model accuracy", url("monitoring:metric_detail", pk=metric.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("monitoring:metric_list")
    assert readiness.metrics_method.severity == Severity.OBSERVATION


def test_described_metrics_pass(personas, metric, foreign):
    actions.update_metric(actor=personas.manager, metric=metric, changes={"method": "Labelled sample"})
    outcome = run(readiness.metrics_method, personas.org)
    assert outcome.passed
    assert outcome.message == "Every metric measured by hand or by a tool says how it is measured."


def test_a_metric_past_its_next_measurement_is_an_observation(personas, metric, gap):
    measure(personas.contributor, metric, "0.95", days_ago=40)
    measure(personas.manager, gap, "1", days_ago=1)
    outcome = run(readiness.measurements_current, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 metric is past the next measurement."
    day = (timezone.localdate(ago(days=40, hours=1))).isoformat()
    assert links(outcome) == [
        (
            f"MET-001 Credit model accuracy: last measured on {day}",
            url("monitoring:metric_detail", pk=metric.pk),
        )
    ]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Record the measurements due",
        url("monitoring:metric_list"),
    )
    assert run(readiness.metrics_measured, personas.org).passed, "one period late is not yet two"


def test_a_metric_never_measured_two_periods_after_it_was_defined_is_a_nonconformity(personas, metric, gap):
    defined_days_ago(metric, 70)
    measure(personas.manager, gap, "1", days_ago=1)
    outcome = run(readiness.metrics_measured, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 metric has gone two of its periods or more without a value."
    assert links(outcome) == [
        ("MET-001 Credit model accuracy: never measured", url("monitoring:metric_detail", pk=metric.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == url("monitoring:metric_list")
    assert readiness.metrics_measured.severity == Severity.STAGE2_NONCONFORMITY
    assert not run(readiness.measurements_current, personas.org).passed


def test_metrics_measured_within_their_frequency_pass(personas, metric, gap, foreign):
    defined_days_ago(foreign, 400)
    measure(personas.contributor, metric, "0.95", days_ago=20)
    measure(personas.manager, gap, "1", days_ago=6)
    current = run(readiness.measurements_current, personas.org)
    assert current.passed
    assert current.message == "Every metric has a value within its frequency."
    measured = run(readiness.metrics_measured, personas.org)
    assert measured.passed
    assert measured.message == "No metric has gone two of its periods without a value."


def test_a_new_metric_is_not_yet_due(personas, metric):
    assert run(readiness.measurements_current, personas.org).passed


def test_a_breach_with_no_nonconformity_is_named(personas, gap, foreign):
    measure(personas.manager, gap, "7")
    measure(personas.outsider, foreign, "1")
    Metric.objects.filter(pk=foreign.pk).update(last_level="breach")
    outcome = run(readiness.breaches_followed_up, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 metric is beyond the breach value with no nonconformity raised."
    day = timezone.localdate(ago(hours=1))
    assert links(outcome) == [
        (f"MET-001 Fairness gap: last measured on {day:%Y-%m-%d}", url("monitoring:metric_detail", pk=gap.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.label == "Raise a nonconformity from each breach, on the metric's page"
    assert outcome.fix.url == url("monitoring:metric_list")


def test_a_breach_followed_up_by_a_nonconformity_passes(personas, gap):
    breach = measure(personas.manager, gap, "7")
    actions.raise_nonconformity_from_breach(actor=personas.manager, measurement=breach)
    outcome = run(readiness.breaches_followed_up, personas.org)
    assert outcome.passed
    assert outcome.message == "Every metric beyond its breach value is followed up by a nonconformity."


def test_a_nonconformity_closed_before_the_latest_breach_does_not_follow_it_up(personas, gap):
    first = measure(personas.manager, gap, "6", days_ago=20)
    nc = actions.raise_nonconformity_from_breach(actor=personas.manager, measurement=first)
    Nonconformity.objects.filter(pk=nc.pk).update(status="closed", raised_on=TODAY - timedelta(days=20))
    measure(personas.manager, gap, "8")
    assert not run(readiness.breaches_followed_up, personas.org).passed
    Nonconformity.objects.filter(pk=nc.pk).update(raised_on=TODAY)
    assert run(readiness.breaches_followed_up, personas.org).passed


def test_a_nonconformity_of_another_metric_does_not_follow_up_a_breach(personas, gap):
    other = make_metric(personas, 10, direction="lower_better", breach_value=Decimal("5"))
    Metric.objects.filter(pk=other.pk).update(reference="MET-0020")
    Metric.objects.filter(pk=gap.pk).update(reference="MET-002")
    breach = measure(personas.manager, other, "9")
    other.refresh_from_db()
    actions.raise_nonconformity_from_breach(actor=personas.manager, measurement=breach)
    measure(personas.manager, gap, "9")
    outcome = run(readiness.breaches_followed_up, personas.org)
    assert [link.label.split(":")[0] for link in outcome.records] == ["MET-002 Fairness gap"]


def _at_fault(personas, number: int) -> None:
    """A metric failing every rule: no owner, no method, never measured for 70 days, and breached."""
    made = make_metric(personas, number, direction="lower_better", breach_value=Decimal("5"))
    measure(personas.manager, made, "9", days_ago=70)
    defined_days_ago(made, 80)


def test_queries_do_not_grow_with_the_metrics(personas):
    _at_fault(personas, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _at_fault(personas, number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert all(not run(rule, personas.org).passed for rule in readiness.RULES[1:])


def test_the_engine_runs_the_rules_under_clause_9_1(personas, metric):
    results = {r.id: r for r in compute(personas.org).results}
    ids = {rule.id for rule in readiness.RULES}
    assert ids <= set(results)
    assert {results[key].refs for key in ids} == {("9.1",)}
    assert results["9.1-metrics-defined"].ok
