"""Reminders of measurements that fall due: a manual metric is due again one period (by its frequency)
after its latest value, or after it was defined if it has none. Metrics posted by tools or computed by aims
are not reminded."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from aims.monitoring.models import PERIOD_DAYS, Metric
from aims.organizations.models import Membership, Role
from aims.reminders.registry import DEFAULT_LEAD_DAYS, Due


def lead_days(frequency: str) -> int:
    """Warn a quarter of a period ahead, two weeks at most: never for daily metrics."""
    return min(DEFAULT_LEAD_DAYS, PERIOD_DAYS[frequency] // 4)


def managers_by_organization(org_ids: Iterable[int]) -> dict[int, tuple[int, ...]]:
    """The owners and managers of each organisation, in one query."""
    found: dict[int, list[int]] = defaultdict(list)
    rows = Membership.objects.filter(
        organization_id__in=set(org_ids), role__in=(Role.OWNER, Role.MANAGER)
    ).order_by("user_id")
    for org_id, user_id in rows.values_list("organization_id", "user_id"):
        found[org_id].append(user_id)
    return {org: tuple(users) for org, users in found.items()}


def due_measurements(today: date) -> Iterator[Due]:
    """Manual metrics of every organisation whose next measurement is within its lead time or past."""
    since = Q()
    for frequency, days in PERIOD_DAYS.items():
        cutoff = today + timedelta(days=lead_days(frequency)) - timedelta(days=days)
        moment = timezone.make_aware(datetime.combine(cutoff + timedelta(days=1), time.min))
        since |= Q(frequency=frequency, last_at__lt=moment)
    metrics = list(
        Metric.objects.filter(source=Metric.Source.MANUAL)
        .annotate(last_at=Coalesce("last_measured_at", "created_at"))
        .filter(since)
        .select_related("organization")
        .order_by("organization_id", "number")
    )
    managers = managers_by_organization(m.organization_id for m in metrics if m.owner_id is None)
    for metric in metrics:
        last: datetime = metric.last_at  # type: ignore[attr-defined]
        due_on = timezone.localdate(last) + metric.period
        recipients = (metric.owner_id,) if metric.owner_id else managers.get(metric.organization_id, ())
        yield Due(
            organization_id=metric.organization_id,
            kind="metric_measurement",
            key=f"monitoring.metric:{metric.pk}:measure:{due_on.isoformat()}",
            subject=f"Measure {metric.reference} {metric.name}",
            due_on=due_on,
            url=reverse(
                "monitoring:metric_detail", kwargs={"org": metric.organization.slug, "pk": metric.pk}
            ),
            recipient_ids=recipients,
            lead_days=lead_days(metric.frequency),
        )
