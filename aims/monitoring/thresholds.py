"""What follows a new measurement: the metric's latest value moves on, and a value beyond a threshold warns
the metric's owner (or, when it has none, the organisation's owners and managers) with one notice."""

from __future__ import annotations

from collections.abc import Sequence

from django.urls import reverse
from django.utils import timezone

from aims.monitoring.models import Level, Measurement, Metric
from aims.reminders.models import Notice
from aims.reminders.notices import managers_of, notify

NOTICE_LEVEL = {Level.WARNING: Notice.Level.DUE_SOON, Level.BREACH: Notice.Level.ALERT}


def metric_url(metric: Metric) -> str:
    return reverse("monitoring:metric_detail", kwargs={"org": metric.organization.slug, "pk": metric.pk})


def apply_latest(metric: Metric, measurements: Sequence[Measurement]) -> None:
    """Keep the newest of these measurements on the metric, if it is newer than what the metric holds."""
    if not measurements:
        return
    newest = max(measurements, key=lambda m: (m.measured_at, m.pk or 0))
    if metric.last_measured_at is not None and newest.measured_at < metric.last_measured_at:
        return
    metric.last_value, metric.last_measured_at, metric.last_level = (
        newest.value, newest.measured_at, newest.level,
    )  # fmt: skip
    Metric.objects.filter(pk=metric.pk).update(
        last_value=newest.value, last_measured_at=newest.measured_at, last_level=newest.level,
        updated_at=timezone.now(),
    )  # fmt: skip


def warn_owner(metric: Metric, measurement: Measurement) -> list[Notice]:
    """One notice per recipient for a measurement beyond a threshold; nothing for a value within them."""
    if measurement.level not in NOTICE_LEVEL:
        return []
    recipients = (metric.owner_id,) if metric.owner_id else managers_of(metric.organization_id)
    word = "breached" if measurement.level == Level.BREACH else "crossed the warning threshold of"
    limit = metric.breach_value if measurement.level == Level.BREACH else metric.warning_value
    unit = f" {metric.unit}" if metric.unit else ""
    return notify(
        organization=metric.organization_id,
        recipient_ids=recipients,
        kind="threshold",
        key=f"monitoring.metric:{metric.pk}:measurement:{measurement.pk}",
        subject=f"{metric.reference} {metric.name} {word} {plain(limit)}{unit}",
        body=f"{metric.reference} measured {plain(measurement.value)}{unit} at "
        f"{timezone.localtime(measurement.measured_at):%Y-%m-%d %H:%M} "
        f"({metric.get_direction_display().lower()}).",
        url=metric_url(metric),
        level=NOTICE_LEVEL[Level(measurement.level)],
    )


def plain(value: object) -> str:
    """A Decimal without trailing zeros: 0.930000 → 0.93."""
    if value is None:
        return "-"
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text
