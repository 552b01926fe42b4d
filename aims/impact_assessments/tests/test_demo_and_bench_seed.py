import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.ai_systems.models import AISystem
from aims.impact_assessments.bench import seed_bench
from aims.impact_assessments.demo import seed_demo
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.risks.demo import seed_demo as seed_risks
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas: Personas, catalog: object) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_risks(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    credit = ImpactAssessment.objects.get(ai_system__reference="AIS-001")
    assert credit.is_approved
    assert credit.approved_by == personas.manager
    dimensions = set(credit.items.values_list("dimension", flat=True))
    assert {"fairness", "privacy", "economic", "accessibility"} <= dimensions
    raised = credit.items.get(risk__isnull=False)
    assert raised.risk is not None
    assert raised.risk.title == "Credit scores disadvantage applicants with thin credit files"
    chatbot = ImpactAssessment.objects.get(ai_system__reference="AIS-002")
    assert chatbot.is_draft
    assert ImpactAssessment.objects.count() == 2


def test_the_bench_seed_tops_up_assessments(personas: Personas) -> None:
    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="A", purpose="x")
    assert seed_bench(personas.org, 20) == 20
    assert ImpactItem.objects.filter(assessment__organization=personas.org).count() == 60
    assert seed_bench(personas.org, 20) == 0
    assert seed_bench(personas.org, 25) == 5
    assert ImpactAssessment.objects.filter(reference="IA-0025").exists()
