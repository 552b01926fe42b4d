from aims.third_parties.bench import seed_bench
from aims.third_parties.models import DueDiligence, Relationship, ResponsibilityAllocation, ThirdParty


def test_bench_seed_tops_up_in_batches(personas, system):
    messages: list[str] = []
    assert seed_bench(personas.org, 7, batch_size=3, progress=messages.append) == 7
    assert ThirdParty.objects.filter(organization=personas.org).count() == 7
    assert Relationship.objects.filter(organization=personas.org).count() == 14
    assert Relationship.objects.filter(organization=personas.org, ai_system=system).count() == 7
    assert ResponsibilityAllocation.objects.count() == 14 * 7
    assert DueDiligence.objects.filter(organization=personas.org).count() == 7
    assert len(messages) == 3
    assert seed_bench(personas.org, 7) == 0
    assert seed_bench(personas.org, 9) == 2
    assert ThirdParty.objects.filter(organization=personas.org).count() == 9
    assert not ThirdParty.objects.filter(organization=personas.other_org).exists()
