from aims.ai_systems.models import AISystem
from aims.context.bench import seed_bench
from aims.context.models import ContextIssue, Obligation


def test_the_bench_seed_tops_up_obligations_and_issues(personas):
    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="A", purpose="x")
    assert seed_bench(personas.org, 60) == 90
    assert Obligation.objects.filter(organization=personas.org).count() == 60
    assert ContextIssue.objects.filter(organization=personas.org).count() == 30
    assert seed_bench(personas.org, 60) == 0
    assert seed_bench(personas.org, 70) == 15
    assert Obligation.objects.filter(ai_systems__isnull=False).exists()
