from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.monitoring import actions
from aims.monitoring.actions import Reading
from aims.monitoring.models import Level, Measurement, Metric, level_of
from aims.monitoring.tests.conftest import ago, measure
from aims.monitoring.thresholds import warn_owner
from aims.reminders.models import Notice
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("direction", "value", "expected"),
    [
        ("higher_better", "0.95", Level.OK),
        ("higher_better", "0.90", Level.OK),
        ("higher_better", "0.89", Level.WARNING),
        ("higher_better", "0.84", Level.BREACH),
        ("lower_better", "2", Level.OK),
        ("lower_better", "3", Level.OK),
        ("lower_better", "3.5", Level.WARNING),
        ("lower_better", "5.1", Level.BREACH),
    ],
)
def test_levels_respect_the_direction(direction: str, value: str, expected: str) -> None:
    warning, breach = (Decimal("0.90"), Decimal("0.85")) if direction == "higher_better" else (3, 5)
    assert level_of(Decimal(value), direction, Decimal(warning), Decimal(breach)) == expected


def test_a_measurement_updates_the_metric_and_the_audit_trail(personas: Personas, metric: Metric) -> None:
    made = measure(personas.contributor, metric, "0.93")
    metric.refresh_from_db()
    assert metric.last_value == Decimal("0.93")
    assert metric.last_level == Level.OK
    assert made.recorded_by == personas.contributor
    assert made.source == Measurement.Source.MANUAL
    event = AuditEvent.objects.get(verb="metric.measurement_recorded")
    assert (event.after or {})["value"] == "0.93"
    assert not Notice.objects.exists()


def test_an_older_value_does_not_replace_the_latest(personas: Personas, metric: Metric) -> None:
    measure(personas.contributor, metric, "0.93", days_ago=1)
    measure(personas.contributor, metric, "0.80", days_ago=10)
    metric.refresh_from_db()
    assert metric.last_value == Decimal("0.93")


def test_a_breach_when_higher_is_better_alerts_the_owner_once(personas: Personas, metric: Metric) -> None:
    made = measure(personas.contributor, metric, "0.80")
    notice = Notice.objects.get()
    assert notice.recipient == personas.contributor
    assert notice.kind == "threshold"
    assert notice.level == Notice.Level.ALERT
    assert notice.key == f"monitoring.metric:{metric.pk}:measurement:{made.pk}"
    assert notice.url == f"/o/acme/monitoring/{metric.pk}/"
    warn_owner(metric, made)
    assert Notice.objects.count() == 1


def test_a_warning_when_lower_is_better_tells_the_managers_of_an_unowned_metric(
    personas: Personas, gap: Metric
) -> None:
    measure(personas.contributor, gap, "4")
    notices = Notice.objects.order_by("recipient__email")
    assert [n.recipient for n in notices] == [personas.manager, personas.owner]
    assert {n.level for n in notices} == {Notice.Level.DUE_SOON}
    measure(personas.contributor, gap, "2")
    assert Notice.objects.count() == 2


def test_readers_cannot_record_and_nothing_is_written(personas: Personas, metric: Metric) -> None:
    for reader in (personas.viewer, personas.auditor):
        with pytest.raises(PermissionDenied):
            measure(reader, metric, "0.5")
    assert not Measurement.objects.exists()
    assert not Notice.objects.exists()


def test_a_future_or_oversized_value_is_refused(personas: Personas, metric: Metric) -> None:
    with pytest.raises(ValidationError) as future:
        actions.record_measurement(
            actor=personas.contributor, metric=metric, reading=Reading(Decimal("1"), ago(days=-2))
        )
    assert "measured_at" in future.value.message_dict
    with pytest.raises(ValidationError):
        actions.record_measurement(
            actor=personas.contributor, metric=metric, reading=Reading(Decimal("1e20"))
        )
    assert not Measurement.objects.exists()


def test_a_computed_metric_takes_no_values_by_hand(personas: Personas) -> None:
    computed = actions.create_metric(
        actor=personas.manager, organization=personas.org, name="Overdue NCs", source="computed",
        computed_key="nonconformities_past_due",
    )  # fmt: skip
    with pytest.raises(ActionError):
        measure(personas.manager, computed, "1")


def test_a_batch_is_all_or_nothing(personas: Personas, metric: Metric) -> None:
    readings = [Reading(Decimal("0.9"), ago(days=3)), Reading(Decimal("0.91"), ago(days=-3))]
    with pytest.raises(ValidationError) as invalid:
        actions.record_measurements(actor=personas.contributor, metric=metric, readings=readings)
    assert "measurements.1.measured_at" in invalid.value.message_dict
    assert not Measurement.objects.exists()


def test_a_batch_warns_only_for_its_newest_value_beyond_thresholds(
    personas: Personas, metric: Metric
) -> None:
    readings = [Reading(Decimal(v), ago(days=d)) for v, d in (("0.80", 5), ("0.84", 4), ("0.95", 3))]
    readings.append(Reading(Decimal("0.88"), ago(days=2)))
    made = actions.record_measurements(actor=personas.contributor, metric=metric, readings=readings)
    assert len(made) == 4
    notice = Notice.objects.get()
    assert notice.level == Notice.Level.DUE_SOON
    newest = Measurement.objects.get(value=Decimal("0.88"))
    assert notice.key.endswith(f":measurement:{newest.pk}")
    metric.refresh_from_db()
    assert metric.last_level == Level.WARNING
    assert (AuditEvent.objects.get(verb="metric.measurements_recorded").after or {})["count"] == 4


def test_a_batch_of_more_than_a_thousand_is_refused(personas: Personas, metric: Metric) -> None:
    readings = [Reading(Decimal("0.9"), ago(days=1))] * 1001
    with pytest.raises(ValidationError):
        actions.record_measurements(actor=personas.contributor, metric=metric, readings=readings)
    assert not Measurement.objects.exists()


def test_a_breach_raises_a_nonconformity_through_the_improvement_app(
    personas: Personas, metric: Metric
) -> None:
    breach = measure(personas.contributor, metric, "0.80")
    nc = actions.raise_nonconformity_from_breach(actor=personas.contributor, measurement=breach)
    assert nc.source == "monitoring"
    assert nc.reference == "NC-0001"
    assert nc.owner == personas.contributor
    assert "MET-001" in nc.title
    within = measure(personas.contributor, metric, "0.95")
    with pytest.raises(ActionError):
        actions.raise_nonconformity_from_breach(actor=personas.contributor, measurement=within)
