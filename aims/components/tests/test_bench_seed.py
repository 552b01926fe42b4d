"""Benchmark data: every register topped up to the size asked for, in batches, linked to systems."""

from aims.components import bench
from aims.components.bench import seed_bench
from aims.components.models import AIModel, CompetenceNeed, Dataset, ProvenanceEvent, Resource
from aims.components.tests.conftest import make_system


def test_seed_bench_tops_each_register_up_and_is_idempotent(personas, monkeypatch):
    monkeypatch.setattr(bench, "BATCH", 7)
    systems = [make_system(personas.org, f"S{number}", f"System {number}") for number in range(5)]
    said: list[str] = []
    added = seed_bench(personas.org, 20, progress=said.append)
    assert added == 80
    for model in (AIModel, Dataset, Resource, CompetenceNeed):
        assert model.objects.filter(organization=personas.org).count() == 20
    assert ProvenanceEvent.objects.count() == 40
    assert AIModel.objects.filter(ai_systems__in=systems).distinct().count() == 20
    assert said[-1] == "competence needs: 20 of 20"
    assert seed_bench(personas.org, 20) == 0
    assert seed_bench(personas.org, 25) == 20
    assert Dataset.objects.filter(reference__startswith="BEN-DS-").count() == 25
