from aims.acknowledgements.bench import seed_bench
from aims.acknowledgements.models import AcknowledgementRequest, Campaign


def test_the_bench_seed_tops_up_campaigns_with_requests(personas):
    assert seed_bench(personas.org, 12) == 12
    assert Campaign.objects.filter(organization=personas.org).count() == 12
    assert AcknowledgementRequest.objects.filter(campaign__organization=personas.org).count() == 12 * 5
    assert (
        Campaign.objects.filter(
            version__state="published", version__document__current_version__isnull=False
        ).count()
        == 12
    )
    assert seed_bench(personas.org, 12) == 0
    assert seed_bench(personas.org, 15) == 3
