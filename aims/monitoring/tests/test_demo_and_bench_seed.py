import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.monitoring.bench import seed_bench
from aims.monitoring.demo import ACCURACY, FAIRNESS, seed_demo
from aims.monitoring.models import Measurement, Metric
from aims.reminders.models import Notice
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_year_of_values_and_a_recent_breach_and_seeding_twice_changes_nothing(
    personas: Personas, catalog: object
) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    assert Metric.objects.filter(organization=personas.org).count() == 5
    accuracy = Metric.objects.get(name=ACCURACY)
    assert accuracy.ai_system is not None
    assert accuracy.ai_system.reference == "AIS-001"
    assert accuracy.measurements.filter(source="api").count() == 12
    fairness = Metric.objects.get(name=FAIRNESS)
    assert fairness.measurements.count() == 12
    assert fairness.last_level == "breach"
    fairness_notices = Notice.objects.filter(key__startswith=f"monitoring.metric:{fairness.pk}:")
    assert [(n.recipient, n.level) for n in fairness_notices] == [(personas.manager, "alert")]
    assert Measurement.objects.filter(source="computed").count() >= 2


def test_the_bench_seed_tops_up_metrics_with_points(personas: Personas) -> None:
    assert seed_bench(personas.org, 4, points=10) == 4
    assert Measurement.objects.count() == 40
    assert seed_bench(personas.org, 4, points=10) == 0
    assert seed_bench(personas.org, 6, points=10) == 2
    last = Metric.objects.get(reference="MET-006")
    assert last.last_value is not None
