"""Metrics aims computes from its own records, once a day for every organisation.

Each computation answers for all organisations at once, in a fixed number of queries, with the value of each
organisation that has something to measure. A computation about AI systems also takes the metric's filter
(`aims.monitoring.system_filter`): which systems, by EU AI Act class, scope, life-cycle stage and owner, it
counts. The reminders worker calls `record_computed_measurements(today)` daily; metrics with the same
computation and filter are computed together, and running it twice on the same day records nothing more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.documents.models import Document
from aims.impact_assessments.models import ImpactAssessment
from aims.improvement.models import Nonconformity
from aims.monitoring.models import Direction, Measurement, Metric
from aims.monitoring.system_filter import NO_FILTER, SystemFilter
from aims.monitoring.thresholds import apply_latest, warn_owner
from aims.risks.models import Risk, RiskLevel

Compute = Callable[[date, Collection[int], SystemFilter], dict[int, Decimal]]


@dataclass(frozen=True)
class Computed:
    key: str
    label: str
    unit: str
    direction: str
    description: str
    compute: Compute
    # Whether it counts AI systems or their records, and so takes a filter of AI systems.
    concerns_systems: bool = False
    # The scope counted when the filter does not say: True for systems in scope, None for either.
    in_scope_default: bool | None = None

    def describe(self, systems: SystemFilter, owner_name: str | None = None) -> str:
        """The AI systems counted, in words."""
        return systems.describe(owner_name, in_scope_default=self.in_scope_default)


_REGISTRY: dict[str, Computed] = {}


def register(computed: Computed) -> None:
    _REGISTRY[computed.key] = computed


def registry() -> dict[str, Computed]:
    return dict(_REGISTRY)


def choices() -> list[tuple[str, str]]:
    return [(c.key, c.label) for c in _REGISTRY.values()]


def label_of(key: str) -> str:
    found = _REGISTRY.get(key)
    return found.label if found else key


def _counts(rows: object) -> dict[int, Decimal]:
    return {row["organization_id"]: Decimal(row["n"]) for row in rows}  # type: ignore[attr-defined]


def _start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _share_of_systems(org_ids: Collection[int], systems: SystemFilter, having: Q) -> dict[int, Decimal]:
    """Share (%) of the organisations' current AI systems the filter counts (in scope unless it says
    otherwise) that meet the condition; organisations with no such system get no value. One query."""
    counted = (
        AISystem.objects.filter(organization_id__in=org_ids)
        .current()
        .filter(systems.q(in_scope_default=True))
    )
    rows = (
        counted.values("organization_id")
        .annotate(n=Count("pk"), meeting=Count("pk", filter=having))
        .order_by()
    )
    return {
        row["organization_id"]: (Decimal(100) * row["meeting"] / row["n"]).quantize(Decimal("0.01"))
        for row in rows
        if row["n"]
    }


def impact_assessment_coverage(
    today: date, org_ids: Collection[int], systems: SystemFilter = NO_FILTER
) -> dict[int, Decimal]:
    """Share (%) of the AI systems in scope (marked inside the AIMS scope and not archived), or of those the
    metric's filter names, that have a current impact assessment: an approved one whose next assessment
    date has not passed. Organisations with no such system get no value."""
    current = ImpactAssessment.objects.filter(
        ai_system=OuterRef("pk"),
        organization_id=OuterRef("organization_id"),
        state=ImpactAssessment.State.APPROVED,
    ).filter(Q(next_assessment_on__isnull=True) | Q(next_assessment_on__gte=today))
    return _share_of_systems(org_ids, systems, Q(Exists(current)))


def risk_assessment_coverage(
    today: date, org_ids: Collection[int], systems: SystemFilter = NO_FILTER
) -> dict[int, Decimal]:
    """Share (%) of the AI systems in scope (marked inside the AIMS scope and not archived), or of those the
    metric's filter names, with a risk assessed within the last 12 months (up to the end of the day
    computed). Organisations with no such system get no value."""
    assessed = Risk.objects.filter(
        ai_system=OuterRef("pk"),
        organization_id=OuterRef("organization_id"),
        kind=Risk.Kind.RISK,
        assessed_at__gte=_start(_year_before(today)),
        assessed_at__lt=_start(today + timedelta(days=1)),
    )
    return _share_of_systems(org_ids, systems, Q(Exists(assessed)))


def nonconformities_past_due(
    today: date, org_ids: Collection[int], _systems: SystemFilter = NO_FILTER
) -> dict[int, Decimal]:
    """Open nonconformities (not closed) whose corrective action was due before today."""
    rows = (
        Nonconformity.objects.filter(organization_id__in=org_ids, due_on__lt=today)
        .exclude(status=Nonconformity.Status.CLOSED)
        .values("organization_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {org: Decimal(0) for org in org_ids} | _counts(rows)


def document_reviews_overdue(
    today: date, org_ids: Collection[int], _systems: SystemFilter = NO_FILTER
) -> dict[int, Decimal]:
    """Active documents whose next review date has passed."""
    rows = (
        Document.objects.active()
        .filter(organization_id__in=org_ids, next_review_on__lt=today)
        .values("organization_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {org: Decimal(0) for org in org_ids} | _counts(rows)


def risks_above_appetite(
    today: date, org_ids: Collection[int], systems: SystemFilter = NO_FILTER
) -> dict[int, Decimal]:
    """Open risks, not accepted, whose current level (residual once treated, else inherent) is a level the
    risk criteria in force never accept. With a filter, only the risks of the AI systems it names (in or
    out of scope unless it says), not those of the whole organisation."""
    never: dict[int, set[str]] = defaultdict(set)
    levels = RiskLevel.objects.filter(
        criteria__organization_id__in=org_ids, criteria__state="in_force"
    ).values_list("criteria__organization_id", "key", "acceptable_by")
    for org_id, key, acceptable_by in levels:
        if not acceptable_by:
            never[org_id].add(key)
    result = {org: Decimal(0) for org in org_ids}
    if not never:
        return result
    above = Q()
    for org_id, keys in never.items():
        above |= Q(organization_id=org_id, current_key__in=sorted(keys))
    risks = Risk.objects.open().filter(kind=Risk.Kind.RISK, organization_id__in=list(never))
    if not systems.is_empty:
        risks = risks.filter(systems.q("ai_system__"), ai_system__organization_id=F("organization_id"))
    rows = (
        risks.exclude(status=Risk.Status.ACCEPTED)
        .annotate(current_key=Coalesce(NullIf("residual_level_key", Value("")), "level_key"))
        .filter(above)
        .values("organization_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return result | _counts(rows)


for _computed in (
    Computed(
        "impact_assessment_coverage",
        "AI systems in scope with a current impact assessment",
        "%",
        Direction.HIGHER,
        impact_assessment_coverage.__doc__ or "",
        impact_assessment_coverage,
        concerns_systems=True,
        in_scope_default=True,
    ),
    Computed(
        "risk_assessment_coverage",
        "AI systems in scope with a risk assessed in the last 12 months",
        "%",
        Direction.HIGHER,
        risk_assessment_coverage.__doc__ or "",
        risk_assessment_coverage,
        concerns_systems=True,
        in_scope_default=True,
    ),
    Computed(
        "nonconformities_past_due",
        "Open nonconformities past their due date",
        "count",
        Direction.LOWER,
        nonconformities_past_due.__doc__ or "",
        nonconformities_past_due,
    ),
    Computed(
        "document_reviews_overdue",
        "Documents overdue for review",
        "count",
        Direction.LOWER,
        document_reviews_overdue.__doc__ or "",
        document_reviews_overdue,
    ),
    Computed(
        "risks_above_appetite",
        "Open risks above the risk appetite",
        "count",
        Direction.LOWER,
        risks_above_appetite.__doc__ or "",
        risks_above_appetite,
        concerns_systems=True,
    ),
):
    register(_computed)


def _grouped(metrics: Iterable[Metric]) -> dict[tuple[str, SystemFilter], list[Metric]]:
    """The metrics by computation and filter: each group is computed at once for all its organisations."""
    groups: dict[tuple[str, SystemFilter], list[Metric]] = defaultdict(list)
    for metric in metrics:
        found = _REGISTRY.get(metric.computed_key)
        if found is not None:
            systems = metric.system_filter if found.concerns_systems else NO_FILTER
            groups[(found.key, systems)].append(metric)
    return groups


def record_computed_measurements(today: date, *, organization_ids: Collection[int] | None = None) -> int:
    """Record today's value of every computed metric of every organisation (or only those given); a metric
    with a value for today already is left alone. Returns how many measurements were recorded."""
    metrics = Metric.objects.filter(source=Metric.Source.COMPUTED).select_related("organization")
    if organization_ids is not None:
        metrics = metrics.filter(organization_id__in=organization_ids)
    done = set(
        Measurement.objects.filter(metric__in=metrics, computed_on=today).values_list("metric_id", flat=True)
    )
    at = timezone.make_aware(datetime.combine(today, time(6, 0)))
    made: list[Measurement] = []
    for (key, systems), group in _grouped(m for m in metrics if m.pk not in done).items():
        values = _REGISTRY[key].compute(today, {m.organization_id for m in group}, systems)
        for metric in group:
            value = values.get(metric.organization_id)
            if value is not None:
                made.append(
                    Measurement(
                        metric=metric,
                        value=value,
                        measured_at=at,
                        source=Measurement.Source.COMPUTED,
                        level=metric.level_of(value),
                        computed_on=today,
                    )
                )
    with transaction.atomic():
        Measurement.objects.bulk_create(made, ignore_conflicts=True)
        saved = Measurement.objects.filter(computed_on=today, metric__in=[m.metric for m in made])
        by_metric = {m.metric_id: m for m in saved.order_by()}
        for measurement in made:
            stored = by_metric.get(measurement.metric.pk)
            if stored is None:
                continue
            stored.metric = measurement.metric
            apply_latest(measurement.metric, [stored])
            warn_owner(measurement.metric, stored)
    return len(made)
