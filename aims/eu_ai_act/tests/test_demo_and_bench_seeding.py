"""seed_demo classifies the demo systems through the action, once; seed_bench tops classifications up."""

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.eu_ai_act.bench import seed_bench
from aims.eu_ai_act.demo import seed_demo
from aims.eu_ai_act.models import Classification
from aims.eu_ai_act.tests.conftest import make_system
from aims.web.testing import ROLES


def demo_users(personas):
    return {role: getattr(personas, role) for role in ROLES}


def test_the_demo_classifies_each_demo_system_once(personas):
    for reference, name in (
        ("AIS-001", "Credit"),
        ("AIS-002", "Chatbot"),
        ("AIS-003", "CV"),
        ("AIS-004", "Code"),
    ):
        make_system(personas.org, reference, name)
    seed_demo(personas.org, demo_users(personas))
    seed_demo(personas.org, demo_users(personas))
    classes = dict(AISystem.objects.values_list("reference", "risk_class"))
    assert classes == {"AIS-001": "high", "AIS-002": "limited", "AIS-003": "high", "AIS-004": "minimal"}
    assert Classification.objects.count() == 5
    assert Classification.objects.filter(
        ai_system__reference="AIS-003", is_current=False
    ).get().risk_class == ("minimal")
    assert AuditEvent.objects.filter(verb="ai_system.classified").count() == 5


def test_the_demo_skips_systems_that_are_not_there(personas):
    seed_demo(personas.org, demo_users(personas))
    assert not Classification.objects.exists()


def test_the_bench_seed_tops_up_and_keeps_existing_classes(personas):
    make_system(personas.org, "B-0", "Already high", risk_class="high")
    for number in range(1, 6):
        make_system(personas.org, f"B-{number}", f"System {number}")
    assert seed_bench(personas.org, 3) == 3
    assert seed_bench(personas.org, 10) == 3
    assert seed_bench(personas.org, 10) == 0
    assert Classification.objects.filter(is_current=True).count() == 6
    assert Classification.objects.get(ai_system__reference="B-0").risk_class == "high"
    for system in AISystem.objects.all():
        assert system.risk_class == system.eu_classifications.get().risk_class
