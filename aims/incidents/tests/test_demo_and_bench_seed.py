import pytest

from aims.ai_systems.demo import seed_demo as seed_systems
from aims.ai_systems.models import AISystem
from aims.incidents.bench import seed_bench
from aims.incidents.demo import MINOR_TITLE, SERIOUS_TITLE, seed_demo
from aims.incidents.models import ExternalReport, Incident, IncidentCommunication
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas: Personas, catalog: object) -> None:
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    serious = Incident.objects.get(title=SERIOUS_TITLE)
    assert serious.is_serious
    assert serious.reported_to_authority_at is not None
    assert not serious.reported_late
    assert serious.status == "resolved"
    assert [s.reference for s in serious.ai_systems.all()] == ["AIS-001"]
    minor = Incident.objects.get(title=MINOR_TITLE)
    assert minor.status == "open"
    assert not minor.is_serious
    assert Incident.objects.count() == 2
    assert IncidentCommunication.objects.count() == 3
    assert ExternalReport.objects.get().incident == minor


def test_the_bench_seed_tops_up_incidents(personas: Personas) -> None:
    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="A", purpose="x")
    assert seed_bench(personas.org, 20) == 20
    assert Incident.objects.filter(organization=personas.org, ai_systems__isnull=False).count() == 20
    assert seed_bench(personas.org, 20) == 0
    assert seed_bench(personas.org, 25) == 5
    assert Incident.objects.filter(reference="INC-0025").exists()
