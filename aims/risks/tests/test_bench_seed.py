from aims.ai_systems.models import AISystem
from aims.risks.bench import seed_bench
from aims.risks.levels import level_for
from aims.risks.models import Risk


def test_the_bench_seed_tops_up_risks_over_the_systems_with_consistent_levels(personas):
    for number in range(3):
        AISystem.objects.create(organization=personas.org, reference=f"S-{number}", name="S", purpose="x")
    assert seed_bench(personas.org, 60) == 60
    assert seed_bench(personas.org, 60) == 0
    assert seed_bench(personas.org, 70) == 10
    risks = Risk.objects.filter(organization=personas.org)
    assert risks.count() == 70
    assert sorted(risks.values_list("number", flat=True)) == list(range(1, 71))
    assert risks.filter(ai_system__isnull=False).exists()
    rated = risks.exclude(likelihood=None).select_related("criteria").first()
    assert rated is not None
    assert rated.criteria is not None
    assert rated.likelihood is not None
    assert rated.consequence is not None
    assert level_for(rated.criteria.spec(), rated.likelihood, rated.consequence).key == rated.level_key
