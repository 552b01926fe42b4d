"""The management-review input on monitoring and measurement results and on AI objectives (9.3.2 d)):
metrics breached or warned in the period, where each breached metric stands now against its thresholds,
and the objectives achieved, on track and at risk. Six queries, whatever the registers' size."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from aims.monitoring.models import Level, Measurement, Metric
from aims.monitoring.thresholds import plain
from aims.objectives.models import Objective
from aims.objectives.progress import Progress, progress
from aims.objectives.queries import with_plan_counts
from aims.organizations.models import Organization
from aims.reviews.registry import Period, ReviewRow, ReviewSection

KEY = "monitoring"
ROWS = 20


def _moment(day: object) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))  # type: ignore[arg-type]


def _metric_row(organization: Organization, metric: Metric, breaches: int) -> ReviewRow:
    unit = f" {metric.unit}" if metric.unit else ""
    latest = f"latest {plain(metric.last_value)}{unit}" if metric.last_value is not None else "no value"
    return ReviewRow(
        reference=metric.reference,
        title=metric.name,
        status=metric.get_last_level_display() if metric.last_level else "Not measured",
        url=reverse("monitoring:metric_detail", kwargs={"org": organization.slug, "pk": metric.pk}),
        note=f"{latest}; warning {plain(metric.warning_value)}, breach {plain(metric.breach_value)}; "
        f"{breaches} breach(es) in the period",
    )


def monitoring_results(organization: Organization, period: Period) -> ReviewSection:
    today = timezone.localdate()
    beyond = (
        Measurement.objects.filter(
            metric__organization=organization,
            measured_at__gte=_moment(period.start),
            measured_at__lt=_moment(period.end + timedelta(days=1)),
            level__in=(Level.WARNING, Level.BREACH),
        )
        .values("metric_id", "level")
        .annotate(n=Count("pk"))
        .order_by()
    )
    breaches: dict[int, int] = {}
    warned: set[int] = set()
    for row in beyond:
        if row["level"] == Level.BREACH:
            breaches[row["metric_id"]] = row["n"]
        else:
            warned.add(row["metric_id"])
    metrics = Metric.objects.filter(organization=organization)
    total = metrics.count()
    breached_now = list(
        metrics.filter(Q(pk__in=list(breaches)) | Q(last_level=Level.BREACH)).order_by("number")[:ROWS]
    )
    outcomes = dict(
        Objective.objects.filter(
            organization=organization, outcome_on__gte=period.start, outcome_on__lte=period.end
        )
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    active = list(
        with_plan_counts(
            Objective.objects.filter(organization=organization, status=Objective.Status.ACTIVE), today
        )
        .select_related("metric")
        .order_by("number")
    )
    judged = [(o, progress(o, today, o.steps_overdue)) for o in active]  # type: ignore[attr-defined]
    at_risk = [o for o, p in judged if p == Progress.AT_RISK]
    figures: tuple[tuple[str, int | str], ...] = (
        ("Metrics", total),
        ("Metrics breached in the period", len(breaches)),
        ("Metrics warned in the period", len(warned - set(breaches))),
        ("Metrics in breach now", metrics.filter(last_level=Level.BREACH).count()),
        ("Objectives achieved in the period", outcomes.get(Objective.Status.ACHIEVED, 0)),
        ("Objectives not achieved in the period", outcomes.get(Objective.Status.NOT_ACHIEVED, 0)),
        (
            "Active objectives on track or met",
            sum(1 for _, p in judged if p in (Progress.ON_TRACK, Progress.MET)),
        ),
        ("Active objectives at risk", len(at_risk)),
    )
    rows = [_metric_row(organization, m, breaches.get(m.pk, 0)) for m in breached_now]
    rows += [
        ReviewRow(
            reference=o.reference,
            title=o.title,
            status="At risk",
            url=reverse("objectives:objective_detail", kwargs={"org": organization.slug, "pk": o.pk}),
            note=f"due {o.due_on:%Y-%m-%d}" if o.due_on else "",
        )
        for o in at_risk
    ]
    return ReviewSection(
        key=KEY,
        title="Monitoring and measurement results, and AI objectives",
        clause="9.3.2 d)",
        figures=figures,
        rows=tuple(rows[:ROWS]),
        empty="No metric was breached and no objective is at risk.",
    )
