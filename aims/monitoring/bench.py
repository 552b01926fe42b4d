"""Synthetic metrics with measurements for the benchmarks, written with bulk_create in batches.

`seed_bench` tops the organisation up to `count` manual metrics, each with `points` daily measurements;
running it again adds only what is missing. It writes no audit events and raises no notices.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.monitoring.models import Direction, Measurement, Metric, level_of
from aims.organizations.models import Organization

BATCH = 5_000
Progress = Callable[[str], None]


def _measurements(metric: Metric, points: int, draw: random.Random) -> list[Measurement]:
    now = timezone.now()
    rows = []
    for day in range(points):
        value = Decimal(draw.randint(800, 1000)) / 1000
        rows.append(
            Measurement(
                metric=metric,
                value=value,
                measured_at=now - timedelta(days=points - day),
                source=Measurement.Source.MANUAL,
                level=level_of(value, metric.direction, metric.warning_value, metric.breach_value),
            )
        )
    return rows


def seed_bench(
    organization: Organization, count: int, *, points: int = 100, progress: Progress | None = None
) -> int:
    """Top up to `count` metrics, each with `points` measurements; returns how many metrics were added."""
    have = Metric.objects.filter(organization=organization).count()
    if have >= count:
        return 0
    draw = random.Random(f"{organization.pk}-{have}")
    start = (Metric.objects.filter(organization=organization).aggregate(n=Max("number"))["n"] or 0) + 1
    added = 0
    with transaction.atomic():
        while added < count - have:
            size = min(max(BATCH // max(points, 1), 1), count - have - added)
            metrics = Metric.objects.bulk_create(
                [
                    Metric(
                        organization=organization,
                        number=n,
                        reference=f"MET-{n:03d}",
                        name=f"Synthetic metric {n}",
                        frequency="daily",
                        direction=Direction.HIGHER,
                        warning_value=Decimal("0.85"),
                        breach_value=Decimal("0.82"),
                    )
                    for n in range(start + added, start + added + size)
                ]
            )
            rows = [m for metric in metrics for m in _measurements(metric, points, draw)]
            Measurement.objects.bulk_create(rows, batch_size=BATCH)
            for metric in metrics:
                last = max((r for r in rows if r.metric is metric), key=lambda r: r.measured_at, default=None)
                if last is not None:
                    metric.last_value, metric.last_measured_at, metric.last_level = (
                        last.value, last.measured_at, last.level,
                    )  # fmt: skip
            Metric.objects.bulk_update(metrics, ["last_value", "last_measured_at", "last_level"])
            added += size
            if progress:
                progress(f"metrics: {have + added}/{count}")
    return added
