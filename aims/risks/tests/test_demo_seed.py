from aims.ai_systems.demo import seed_demo as seed_systems
from aims.risks.demo import RISKS, seed_demo
from aims.risks.models import Risk


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas, catalog):
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    assert Risk.objects.filter(organization=personas.org).count() == len(RISKS)
    accepted = Risk.objects.get(status="accepted")
    assert accepted.ai_system is not None
    assert accepted.ai_system.reference == "AIS-001"
    assert set(accepted.controls.values_list("reference", flat=True)) == {"A.7.4", "A.6.2.4"}
    assert Risk.objects.filter(status="treated").exists()
    assert Risk.objects.filter(kind="opportunity", ai_system__isnull=True).exists()
    assert Risk.objects.filter(risk_source__ref="C.3.2").exists()
    assert not Risk.objects.filter(status="assessed", level_key="").exists()


def test_the_demo_loads_the_catalogue_when_it_is_missing(personas):
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    assert Risk.objects.filter(status="accepted").count() == 1
    assert Risk.objects.exclude(risk_source=None).exists()
