"""Readiness rules for clause 9.1: metrics defined with an owner and a method, measured as often as they
say, and every breach followed up by a nonconformity.

Each rule reads the metrics in one query (two when more are at fault than are listed): how late a metric
is comes from its frequency in the query itself, and the follow-up of a breach is an `Exists` column.
"""

from __future__ import annotations

import operator
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone

from aims.improvement.models import Nonconformity
from aims.monitoring.models import PERIOD_DAYS, Level, Metric, MetricQuerySet
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def start_of(day: date) -> datetime:
    """The first moment of `day` in the current time zone, to compare with a stored time."""
    return timezone.make_aware(datetime.combine(day, time.min))


def _metrics(ctx: Context) -> MetricQuerySet:
    return Metric.objects.filter(organization=ctx.organization)


def _metric_link(ctx: Context, metric: Metric, note: str = "") -> Link:
    label = reference_label(metric) + (f": {note}" if note else "")
    return ctx.link(label, "monitoring:metric_detail", pk=metric.pk)


def _register(ctx: Context, label: str) -> Link:
    return ctx.link(label, "monitoring:metric_list")


def _lapsed(ctx: Context, periods: int) -> Q:
    """Metrics whose latest value (or, with none, their definition) is more than `periods` of their own
    periods old on `ctx.today`: a monthly metric last measured on 1 March is late from 2 April."""
    return reduce(
        operator.or_,
        (
            Q(frequency=frequency, since__lt=start_of(ctx.today - timedelta(days=days * periods)))
            for frequency, days in PERIOD_DAYS.items()
        ),
    )


def _late(ctx: Context, periods: int) -> MetricQuerySet:
    since = Coalesce("last_measured_at", "created_at")
    return _metrics(ctx).annotate(since=since).filter(_lapsed(ctx, periods)).order_by("since", "number")


def _last_seen(metric: Metric) -> str:
    if metric.last_measured_at is None:
        return "never measured"
    return f"last measured on {timezone.localdate(metric.last_measured_at):%Y-%m-%d}"


@rule("9.1-metrics-defined", "9.1", "What is monitored and measured is defined", BLOCKER)
def metrics_defined(ctx: Context) -> Outcome:
    count = _metrics(ctx).count()
    if not count:
        return failed(
            "No metric is defined: nothing says what is monitored and measured, how and how often.",
            fix=ctx.link("Define a metric", "monitoring:metric_create"),
        )
    return passed(f"{plural(count, 'metric says', 'metrics say')} what is measured, how and how often.")


@rule("9.1-metrics-owned", "9.1", "Every metric has an owner who evaluates its results", NC)
def metrics_owned(ctx: Context) -> Outcome:
    return none_of(
        _metrics(ctx).filter(owner__isnull=True).order_by("number"),
        ok="Every metric has an owner who measures it and evaluates the results.",
        problem=lambda n: f"{plural(n, 'metric has', 'metrics have')} no owner to evaluate the results.",
        link=lambda metric: _metric_link(ctx, metric),
        fix=_register(ctx, "Name an owner for each metric"),
    )


@rule("9.1-metrics-method", "9.1", "Every metric says how it is measured", OBSERVATION)
def metrics_method(ctx: Context) -> Outcome:
    silent = _metrics(ctx).exclude(source=Metric.Source.COMPUTED).filter(method="").order_by("number")
    return none_of(
        silent,
        ok="Every metric measured by hand or by a tool says how it is measured.",
        problem=lambda n: f"{plural(n, 'metric does', 'metrics do')} not say how it is measured.",
        link=lambda metric: _metric_link(ctx, metric),
        fix=_register(ctx, "Describe the method of each metric"),
    )


@rule("9.1-measurements-current", "9.1", "Every metric is measured as often as it says", OBSERVATION)
def measurements_current(ctx: Context) -> Outcome:
    return none_of(
        _late(ctx, 1),
        ok="Every metric has a value within its frequency.",
        problem=lambda n: f"{plural(n, 'metric is', 'metrics are')} past the next measurement.",
        link=lambda metric: _metric_link(ctx, metric, _last_seen(metric)),
        fix=_register(ctx, "Record the measurements due"),
    )


@rule("9.1-metrics-measured", "9.1", "No metric goes unmeasured for two of its periods", NC)
def metrics_measured(ctx: Context) -> Outcome:
    return none_of(
        _late(ctx, 2),
        ok="No metric has gone two of its periods without a value.",
        problem=lambda n: (
            f"{plural(n, 'metric has', 'metrics have')} gone two of its periods or more without a value."
        ),
        link=lambda metric: _metric_link(ctx, metric, _last_seen(metric)),
        fix=_register(ctx, "Record the measurements due"),
    )


@rule("9.1-breaches-followed-up", "9.1", "Every breached threshold is followed up", NC)
def breaches_followed_up(ctx: Context) -> Outcome:
    """A metric whose latest value is beyond its breach value is followed up by a nonconformity raised from
    one of its measurements that is still open, or raised on or after the day of that latest value."""
    raised = Nonconformity.objects.filter(
        organization=ctx.organization,
        source=Nonconformity.Source.MONITORING,
        source_reference__startswith=Concat(OuterRef("reference"), Value(" measurement ")),
    ).filter(~Q(status=Nonconformity.Status.CLOSED) | Q(raised_on__gte=OuterRef("last_day")))
    breached = (
        _metrics(ctx)
        .filter(last_level=Level.BREACH)
        .annotate(last_day=F("last_measured_at__date"))
        .filter(~Exists(raised))
        .order_by("number")
    )
    return none_of(
        breached,
        ok="Every metric beyond its breach value is followed up by a nonconformity.",
        problem=lambda n: (
            f"{plural(n, 'metric is', 'metrics are')} beyond the breach value with no nonconformity raised."
        ),
        link=lambda metric: _metric_link(ctx, metric, _last_seen(metric)),
        fix=_register(ctx, "Raise a nonconformity from each breach, on the metric's page"),
    )


RULES = [
    metrics_defined,
    metrics_owned,
    metrics_method,
    measurements_current,
    metrics_measured,
    breaches_followed_up,
]
