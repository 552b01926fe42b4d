from aims.ai_systems.bench import seed_bench
from aims.ai_systems.models import AISystem
from aims.ai_systems.tests.conftest import make_system


def test_bench_seed_tops_the_organisation_up_to_the_count(personas, django_assert_max_num_queries):
    make_system(personas.org, 1)
    messages: list[str] = []
    with django_assert_max_num_queries(12):
        added = seed_bench(personas.org, 250, progress=messages.append)
    assert added == 249
    assert AISystem.objects.filter(organization=personas.org).count() == 250
    assert messages[-1] == "AI systems: 250 of 250"
    assert seed_bench(personas.org, 250) == 0
    assert seed_bench(personas.org, 260) == 10
    references = list(AISystem.objects.values_list("reference", flat=True))
    assert len(references) == len(set(references)) == 260


def test_bench_systems_are_valid_records(personas):
    seed_bench(personas.org, 30, owners=[personas.manager])
    for system in AISystem.objects.select_related("owner", "organization"):
        system.full_clean()
        assert system.owner in (personas.manager, None)
