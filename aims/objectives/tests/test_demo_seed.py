import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.monitoring.demo import seed_demo as seed_metrics
from aims.objectives.demo import OBJECTIVES, seed_demo
from aims.objectives.models import Objective
from aims.policies.demo import seed_demo as seed_policies
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_sets_three_active_objectives_with_plans_and_seeding_twice_changes_nothing(
    personas: Personas, catalog: None
) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_policies(personas.org, users)
    seed_metrics(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    objectives = list(Objective.objects.filter(organization=personas.org).order_by("number"))
    assert [o.title for o in objectives] == [spec["title"] for spec in OBJECTIVES]
    assert all(o.status == "active" and o.policy is not None for o in objectives)
    assert all(o.metric is not None for o in objectives)
    assert sorted(i.ref for i in objectives[0].annex_c.all()) == ["C.2.1", "C.2.5"]
    assert sum(o.plan_items.count() for o in objectives) == 7
