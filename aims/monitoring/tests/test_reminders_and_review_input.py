from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from aims.monitoring import actions
from aims.monitoring.models import Metric
from aims.monitoring.reminders import due_measurements
from aims.monitoring.review_input import monitoring_results
from aims.monitoring.tests.conftest import measure
from aims.objectives import actions as objectives
from aims.reminders.registry import providers
from aims.reviews.registry import Period
from aims.reviews.registry import providers as review_providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_providers_are_registered() -> None:
    assert "metric_measurement" in providers()
    assert "monitoring" in dict(review_providers())


def test_manual_metrics_are_due_one_period_after_their_latest_value(
    personas: Personas, metric: Metric, gap: Metric, django_assert_max_num_queries: Any
) -> None:
    today = timezone.localdate()
    measure(personas.contributor, gap, "1", days_ago=6)  # weekly: due tomorrow, within a day's lead
    never = actions.create_metric(
        actor=personas.manager, organization=personas.org, name="Never", owner=personas.auditor
    )
    Metric.objects.filter(pk=never.pk).update(created_at=timezone.now() - timedelta(days=40))
    fresh = actions.create_metric(
        actor=personas.manager, organization=personas.org, name="Fresh", frequency="yearly"
    )
    measure(personas.contributor, metric, "0.95", days_ago=40)  # posted by API: never reminded
    with django_assert_max_num_queries(3):
        due = {d.key.split(":")[1]: d for d in due_measurements(today)}
    assert set(due) == {str(gap.pk), str(never.pk)}
    assert fresh.pk not in {int(k) for k in due}
    assert due[str(gap.pk)].due_on == today + timedelta(days=1)
    assert set(due[str(gap.pk)].recipient_ids) == {personas.owner.pk, personas.manager.pk}
    assert due[str(never.pk)].recipient_ids == (personas.auditor.pk,)
    assert due[str(never.pk)].due_on < today


def test_the_review_input_gives_breaches_and_objectives(
    personas: Personas, metric: Metric, gap: Metric, django_assert_max_num_queries: Any
) -> None:
    today = timezone.localdate()
    measure(personas.contributor, metric, "0.80", days_ago=20)  # breach in the period
    measure(personas.contributor, metric, "0.95", days_ago=2)  # back within
    measure(personas.contributor, gap, "4", days_ago=3)  # warning, now
    met = objectives.create_objective(
        actor=personas.manager, organization=personas.org, title="Accurate", metric=metric,
        target_value=Decimal("0.9"), due_on=today + timedelta(days=60),
    )  # fmt: skip
    objectives.activate_objective(actor=personas.manager, objective=met)
    late = objectives.create_objective(
        actor=personas.manager, organization=personas.org, title="Fair", metric=gap,
        target_value=Decimal("2"), direction="at_most", due_on=today + timedelta(days=60),
    )  # fmt: skip
    objectives.activate_objective(actor=personas.manager, objective=late)
    objectives.add_plan_item(
        actor=personas.manager, objective=late, what="Fix", due_on=today - timedelta(days=1)
    )
    done = objectives.create_objective(
        actor=personas.manager, organization=personas.org, title="Done", manual_measure="Judged",
        due_on=today + timedelta(days=1),
    )  # fmt: skip
    objectives.activate_objective(actor=personas.manager, objective=done)
    objectives.record_outcome(actor=personas.manager, objective=done, achieved=True, note="Yes")
    period = Period(start=today - timedelta(days=30), end=today)
    with django_assert_max_num_queries(6):
        section = monitoring_results(personas.org, period)
    figures = dict(section.figures)
    assert figures["Metrics"] == 2
    assert figures["Metrics breached in the period"] == 1
    assert figures["Metrics warned in the period"] == 1
    assert figures["Metrics in breach now"] == 0
    assert figures["Objectives achieved in the period"] == 1
    assert figures["Active objectives on track or met"] == 1
    assert figures["Active objectives at risk"] == 1
    assert [r.reference for r in section.rows] == ["MET-001", "OBJ-002"]
    assert "1 breach(es) in the period" in section.rows[0].note
    empty = monitoring_results(personas.org, Period(start=date(2000, 1, 1), end=date(2000, 12, 31)))
    assert dict(empty.figures)["Metrics breached in the period"] == 0
