"""The demo's evidence is realistic and seeding twice changes nothing; the bench seed tops up in bulk."""

from django.utils import timezone

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.ai_systems.models import AISystem
from aims.controls.models import Control
from aims.evidence.bench import seed_bench
from aims.evidence.demo import seed_demo
from aims.evidence.models import Evidence, EvidenceLink, Freshness
from aims.evidence.queries import evidence_for


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas, catalog, media):
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    assert Evidence.objects.count() == 5
    freshness = {e.title: e.freshness for e in Evidence.objects.all()}
    assert freshness["LLM supplier's ISO/IEC 27001 certificate"] == Freshness.EXPIRING
    assert freshness["CV screening vendor's conformity statement 2025"] == Freshness.EXPIRED
    report = Evidence.objects.get(title__startswith="Fairness test report")
    assert report.is_file
    assert report.content_type == "text/plain; charset=utf-8"
    assert report.file.read().startswith(b"Fairness test report")
    credit = AISystem.objects.get(organization=personas.org, reference="AIS-001")
    assert report in evidence_for(credit)
    control = Control.objects.get(organization=personas.org, reference="A.6.2.4")
    assert list(evidence_for(control)) == [report]
    assert EvidenceLink.objects.filter(item__ref="A.10.3").count() == 2


def test_the_bench_seed_tops_up_with_files_links_and_dates_that_expire(personas, catalog, media):
    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="A", purpose="x")
    assert seed_bench(personas.org, 120) == 120
    assert seed_bench(personas.org, 120) == 0
    assert seed_bench(personas.org, 150) == 30
    records = Evidence.objects.filter(organization=personas.org)
    assert records.count() == 150
    assert set(records.values_list("number", flat=True)) == set(range(1, 151))
    assert records.filter(kind="file").exists()
    assert records.filter(kind="link").exists()
    assert records.expired(timezone.localdate()).exists()
    assert EvidenceLink.objects.filter(item__isnull=False).count() == 150
    assert EvidenceLink.objects.filter(content_type__isnull=False).exists()
    sample = records.filter(kind="file").first()
    assert sample is not None
    assert sample.file.read().startswith(b"Synthetic evidence")
