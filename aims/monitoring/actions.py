"""Every change to metrics and measurements: define and change a metric, record a measurement by hand or
through the API (one or a batch of up to 1,000, all or nothing), and raise a nonconformity from a breach.
Each checks permission first, validates before writing, and records an audit event in its transaction."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.improvement.actions import raise_nonconformity
from aims.improvement.models import Nonconformity
from aims.lib.errors import ActionError
from aims.monitoring import computed, permissions, system_filter
from aims.monitoring.models import Direction, Measurement, Metric
from aims.monitoring.thresholds import apply_latest, metric_url, plain, warn_owner
from aims.organizations.models import Membership, Organization
from aims.organizations.numbering import assign_reference

if TYPE_CHECKING:
    from aims.accounts.models import User

METRIC_FIELDS = (
    "name", "description", "method", "frequency", "owner", "unit", "direction", "warning_value",
    "breach_value", "ai_system", "source", "computed_key", "computed_filter",
)  # fmt: skip
_TEXT = {"name", "description", "method", "unit", "computed_key", "note"}
BATCH_LIMIT = 1_000
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class Reading:
    """One value to record: what the form, the API and the CLI hand to the actions."""

    value: Decimal
    measured_at: datetime | None = None
    note: str = ""


def _cleaned(values: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = set(values) - set(allowed)
    if unknown:
        raise TypeError(f"Not an editable field: {', '.join(sorted(unknown))}")
    cleaned = {k: (v or "").strip() if k in _TEXT else v for k, v in values.items()}
    if "computed_filter" in cleaned and cleaned["computed_filter"] is None:
        cleaned["computed_filter"] = {}
    return cleaned


def _shown(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return plain(value)
    return value


def _snapshot(instance: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    return {name: _shown(getattr(instance, name)) for name in fields}


def require_editor(actor: User, organization: Organization) -> None:
    if not permissions.can_edit_metrics(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can change metrics and measurements.")


def _filter_errors(metric: Metric) -> dict[str, list[str]]:
    """Check the metric's filter of AI systems, and keep it in its stored form."""
    if metric.computed_filter in ({}, None):
        metric.computed_filter = {}
        return {}
    found = computed.registry().get(metric.computed_key)
    if metric.source != Metric.Source.COMPUTED:
        return {system_filter.FIELD: [system_filter.ONLY_COMPUTED]}
    if found is not None and not found.concerns_systems:
        return {system_filter.FIELD: [system_filter.NOT_ABOUT_SYSTEMS]}
    try:
        metric.computed_filter = system_filter.parse(metric.computed_filter, metric.organization_id).as_json()
    except ValidationError as exc:
        return exc.message_dict
    return {}


def _check_metric(metric: Metric) -> None:
    errors: dict[str, Any] = _filter_errors(metric)
    if metric.ai_system is not None and metric.ai_system.organization_id != metric.organization_id:
        errors["ai_system"] = "Choose an AI system of this organisation."
    if (
        metric.owner_id is not None
        and not Membership.objects.filter(
            organization_id=metric.organization_id, user_id=metric.owner_id
        ).exists()
    ):
        errors["owner"] = "The owner must be a member of this organisation."
    if metric.source == Metric.Source.COMPUTED:
        if metric.computed_key not in computed.registry():
            errors["computed_key"] = "Choose what aims computes for this metric."
    elif metric.computed_key:
        errors["computed_key"] = "Only a computed metric is computed from aims's records."
    warning, breach = metric.warning_value, metric.breach_value
    if warning is not None and breach is not None:
        if metric.direction == Direction.HIGHER and warning < breach:
            errors["warning_value"] = (
                "When higher is better, the warning comes before the breach: at or above it."
            )
        if metric.direction == Direction.LOWER and warning > breach:
            errors["warning_value"] = (
                "When lower is better, the warning comes before the breach: at or below it."
            )
    if errors:
        raise ValidationError(errors)
    metric.full_clean(
        exclude=["organization", "number", "reference", "last_level"], validate_constraints=False
    )


@transaction.atomic
def create_metric(*, actor: User, organization: Organization, **values: Any) -> Metric:
    """Define what is measured, how and how often, and its thresholds (9.1); numbered MET-001, …"""
    require_editor(actor, organization)
    cleaned = _cleaned(values, METRIC_FIELDS)
    metric = Metric(organization=organization, **cleaned)
    _check_metric(metric)
    assign_reference(metric, "MET", digits=3)
    metric.save()
    record(actor=actor, verb="metric.created", target=metric, after=_snapshot(metric, cleaned))
    return metric


@transaction.atomic
def update_metric(*, actor: User, metric: Metric, changes: Mapping[str, Any]) -> Metric:
    """Change what the metric says; changed thresholds apply to values recorded from now on."""
    require_editor(actor, metric.organization)
    values = _cleaned(changes, METRIC_FIELDS)
    before = _snapshot(metric, values)
    for name, value in values.items():
        setattr(metric, name, value)
    _check_metric(metric)
    if metric.last_value is not None:
        metric.last_level = metric.level_of(metric.last_value)
    metric.updated_at = timezone.now()
    metric.save()
    record(actor=actor, verb="metric.updated", target=metric, before=before, after=_snapshot(metric, values))
    return metric


def _measurement(metric: Metric, reading: Reading, source: str, actor: User, now: datetime) -> Measurement:
    measured_at = reading.measured_at or now
    if timezone.is_naive(measured_at):
        measured_at = timezone.make_aware(measured_at)
    value = reading.value
    if not isinstance(value, Decimal) or not value.is_finite():
        raise ValidationError({"value": "Give a number."})
    measurement = Measurement(
        metric=metric, value=value, measured_at=measured_at, note=(reading.note or "").strip(),
        source=source, recorded_by=actor, level=metric.level_of(value),
    )  # fmt: skip
    if measured_at > now + CLOCK_SKEW:
        raise ValidationError({"measured_at": "A measurement cannot be in the future."})
    measurement.full_clean(exclude=["metric", "recorded_by"], validate_constraints=False)
    return measurement


def _require_recordable(actor: User, metric: Metric, source: str) -> None:
    require_editor(actor, metric.organization)
    if metric.source == Metric.Source.COMPUTED:
        raise ActionError(f"{metric.reference} is computed by aims every day; it takes no values by hand.")
    if source not in (Measurement.Source.MANUAL, Measurement.Source.API):
        raise ValueError(f"Not a source for people and tools: {source}")


@transaction.atomic
def record_measurement(
    *, actor: User, metric: Metric, reading: Reading, source: str = Measurement.Source.MANUAL
) -> Measurement:
    """Record one value of the metric, entered by hand or posted by a tool with the actor's API token. A
    value beyond a threshold warns the metric's owner."""
    _require_recordable(actor, metric, source)
    measurement = _measurement(metric, reading, source, actor, timezone.now())
    measurement.save()
    apply_latest(metric, [measurement])
    warn_owner(metric, measurement)
    record(
        actor=actor,
        verb="metric.measurement_recorded",
        target=metric,
        after={"measurement": measurement.pk, **_snapshot(measurement, ("value", "measured_at", "level"))},
        data={"source": source},
    )
    return measurement


@transaction.atomic
def record_measurements(
    *, actor: User, metric: Metric, readings: Sequence[Reading], source: str = Measurement.Source.API
) -> list[Measurement]:
    """Record up to 1,000 values at once, all or nothing: one invalid value records none. Only the newest
    value beyond a threshold warns the owner, so that loading history does not flood anyone."""
    _require_recordable(actor, metric, source)
    if not readings:
        raise ValidationError({"measurements": "Give at least one measurement."})
    if len(readings) > BATCH_LIMIT:
        raise ValidationError({"measurements": f"Give at most {BATCH_LIMIT:,} measurements at once."})
    now = timezone.now()
    made: list[Measurement] = []
    errors: dict[str, list[str]] = {}
    for index, reading in enumerate(readings):
        try:
            made.append(_measurement(metric, reading, source, actor, now))
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                errors[f"measurements.{index}.{field}"] = messages
    if errors:
        raise ValidationError(errors)
    saved = Measurement.objects.bulk_create(made)
    apply_latest(metric, saved)
    beyond = [m for m in saved if m.level != "ok"]
    if beyond:
        warn_owner(metric, max(beyond, key=lambda m: (m.measured_at, m.pk)))
    record(
        actor=actor,
        verb="metric.measurements_recorded",
        target=metric,
        after={
            "count": len(saved),
            "first": min(m.measured_at for m in saved).isoformat(),
            "last": max(m.measured_at for m in saved).isoformat(),
            "beyond_thresholds": len(beyond),
        },
        data={"source": source},
    )
    return saved


def raise_nonconformity_from_breach(
    *, actor: User, measurement: Measurement, grade: str = Nonconformity.Grade.MINOR
) -> Nonconformity:
    """Raise a nonconformity (10.2) from a measurement beyond the breach value, through the improvement
    app's action, so that its rules and audit event apply."""
    metric = measurement.metric
    require_editor(actor, metric.organization)
    if measurement.level != "breach":
        raise ActionError("Only a measurement beyond the breach value raises a nonconformity from here.")
    value = f"{plain(measurement.value)}{f' {metric.unit}' if metric.unit else ''}"
    return raise_nonconformity(
        actor=actor,
        organization=metric.organization,
        title=f"{metric.reference} {metric.name} breached: {value}"[:200],
        description=f"{metric.reference} {metric.name} measured {value} at "
        f"{timezone.localtime(measurement.measured_at):%Y-%m-%d %H:%M}, beyond its breach value "
        f"{plain(metric.breach_value)} ({metric.get_direction_display().lower()}).",
        source=Nonconformity.Source.MONITORING,
        grade=grade,
        source_reference=f"{metric.reference} measurement {measurement.pk}",
        source_url=metric_url(metric),
        owner=metric.owner,
    )
