"""Reads for the metric list, the metric page and its trend chart; each a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from aims.accounts.models import User
from aims.audit.models import AuditEvent
from aims.monitoring import computed
from aims.monitoring.models import Level, Measurement, Metric
from aims.monitoring.thresholds import plain
from aims.organizations.models import Organization

TREND_POINTS = 90
HISTORY_LABELS = {
    "metric.created": "defined the metric",
    "metric.updated": "changed the metric",
    "metric.measurement_recorded": "recorded a measurement",
    "metric.measurements_recorded": "recorded a batch of measurements",
}
LEVEL_COLOURS = {Level.OK: "#2e7d32", Level.WARNING: "#ef6c00", Level.BREACH: "#c62828"}


@dataclass(frozen=True)
class MetricFilter:
    q: str = ""
    source: str = ""
    ai_system_id: int | None = None
    breached: bool = False


def metrics_for(organization: Organization, wanted: MetricFilter) -> QuerySet[Metric]:
    """The organisation's metrics matching the filter, in reference order, with their latest value and
    level (kept on the metric), owner and AI system."""
    records = Metric.objects.filter(organization=organization)
    if wanted.source:
        records = records.filter(source=wanted.source)
    if wanted.ai_system_id is not None:
        records = records.filter(ai_system_id=wanted.ai_system_id)
    if wanted.breached:
        records = records.breached()
    if wanted.q:
        records = records.filter(
            Q(reference__icontains=wanted.q)
            | Q(name__icontains=wanted.q)
            | Q(description__icontains=wanted.q)
        )
    return records.select_related("owner", "ai_system").with_filter_owner().order_by("number")


def filter_owner(metric: Metric) -> tuple[str | None, str | None]:
    """The email and name of the owner the metric's filter names: read from `with_filter_owner()`'s
    annotations when the metric was fetched with them, else looked up."""
    if hasattr(metric, "filter_owner_email"):
        return getattr(metric, "filter_owner_email", None), getattr(metric, "filter_owner_name", None)
    owner_id = metric.system_filter.owner
    found = User.objects.filter(pk=owner_id).first() if owner_id is not None else None
    return (found.email, found.display_name) if found else (None, None)


def filter_words(metric: Metric) -> str:
    """The AI systems a computed metric counts, in words; empty when it has no filter."""
    systems = metric.system_filter
    found = computed.registry().get(metric.computed_key)
    if systems.is_empty or found is None:
        return ""
    return found.describe(systems, filter_owner(metric)[1])


def measurements_of(
    metric: Metric, since: date | None = None, until: date | None = None
) -> QuerySet[Measurement]:
    """The metric's measurements, newest first, optionally from `since` to `until` (days included)."""
    rows = Measurement.objects.filter(metric=metric)
    if since is not None:
        rows = rows.filter(measured_at__gte=_start(since))
    if until is not None:
        rows = rows.filter(measured_at__lt=_start(until + timedelta(days=1)))
    return rows.select_related("recorded_by").order_by("-measured_at", "-pk")


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def trend(
    metric: Metric, since: date | None = None, until: date | None = None, limit: int = TREND_POINTS
) -> list[Measurement]:
    """The points of the trend chart, oldest first: the latest `limit` in the period (if any)."""
    rows = measurements_of(metric, since, until)
    newest = list(rows.order_by("-measured_at", "-pk")[:limit])
    return newest[::-1]


def _number(value: Any) -> float | None:
    return None if value is None else float(value)


def trend_chart(
    points: list[Measurement],
    *,
    label: str,
    lines: list[tuple[str, Any, str]],
) -> dict[str, Any]:
    """A Chart.js line chart of the points, with flat lines (label, value, colour) such as thresholds or a
    target."""
    labels = [timezone.localtime(p.measured_at).strftime("%Y-%m-%d") for p in points]
    datasets: list[dict[str, Any]] = [
        {
            "label": label,
            "data": [_number(p.value) for p in points],
            "borderColor": "#1565c0",
            "backgroundColor": "#1565c0",
            "pointBackgroundColor": [LEVEL_COLOURS.get(Level(p.level), "#1565c0") for p in points],
            "tension": 0.2,
        }
    ]
    for name, value, colour in lines:
        if value is not None:
            datasets.append(
                {
                    "label": name,
                    "data": [_number(value)] * len(points),
                    "borderColor": colour,
                    "borderDash": [6, 4],
                    "pointRadius": 0,
                    "fill": False,
                }
            )
    return {
        "type": "line",
        "data": {"labels": labels, "datasets": datasets},
        "options": {"responsive": True, "animation": False, "scales": {"y": {"beginAtZero": False}}},
    }


def metric_chart(metric: Metric, points: list[Measurement]) -> dict[str, Any]:
    return trend_chart(
        points,
        label=f"{metric.reference} {metric.unit}".strip(),
        lines=[
            ("Warning threshold", metric.warning_value, LEVEL_COLOURS[Level.WARNING]),
            ("Breach threshold", metric.breach_value, LEVEL_COLOURS[Level.BREACH]),
        ],
    )


def shown(value: Any) -> str:
    return plain(value)


def history(metric: Metric, limit: int = 50) -> list[tuple[AuditEvent, str]]:
    """The latest recorded changes to the metric, oldest first, each with what it did in words."""
    events = AuditEvent.objects.filter(
        organization_id=metric.organization_id,
        target_type=Metric._meta.label_lower,
        target_id=str(metric.pk),
    )
    latest = list(events.select_related("actor").order_by("-seq")[:limit])[::-1]
    return [(event, HISTORY_LABELS.get(event.verb, event.verb)) for event in latest]
