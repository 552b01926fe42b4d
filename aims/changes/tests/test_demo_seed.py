import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.changes.demo import RETRAIN_TITLE, SUPPLIER_TITLE, seed_demo
from aims.changes.models import PlannedChange
from aims.risks.demo import seed_demo as seed_risks
from aims.risks.models import Risk
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_approves_one_change_that_makes_risks_due_and_submits_another(
    personas: Personas, catalog: object
) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_risks(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    approved = PlannedChange.objects.get(title=RETRAIN_TITLE)
    assert approved.status == "approved"
    assert [s.reference for s in approved.ai_systems.all()] == ["AIS-001"]
    marked = list(approved.marked_risks.all())
    assert marked
    assert set(Risk.objects.due().filter(pk__in=[r.pk for r in marked])) == set(marked)
    assert PlannedChange.objects.get(title=SUPPLIER_TITLE).status == "submitted"
    assert PlannedChange.objects.count() == 2


def test_bench_seed_tops_up_and_adds_nothing_twice(personas: Personas) -> None:
    from aims.ai_systems.models import AISystem
    from aims.changes.bench import seed_bench

    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="S", purpose="P")
    assert seed_bench(personas.org, 25, requesters=[personas.contributor]) == 25
    assert seed_bench(personas.org, 25) == 0
    assert PlannedChange.objects.filter(organization=personas.org).count() == 25
    assert PlannedChange.ai_systems.through.objects.count() == 25
