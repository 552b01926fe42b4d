from aims.policies.bench import seed_bench
from aims.policies.models import CommitmentRecord, PolicyReview


def test_the_bench_seed_tops_up_commitment_records_and_reviews(personas, published_policy):
    assert seed_bench(personas.org, 30) == 60
    assert CommitmentRecord.objects.filter(organization=personas.org).count() == 30
    assert (
        PolicyReview.objects.filter(organization=personas.org, reviewers__isnull=False).distinct().count()
        == 30
    )
    assert seed_bench(personas.org, 30) == 0
    assert seed_bench(personas.org, 35) == 10


def test_without_an_ai_policy_only_commitment_records_are_made(personas):
    assert seed_bench(personas.org, 5) == 5
    assert not PolicyReview.objects.exists()
