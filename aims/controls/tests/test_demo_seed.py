from aims.ai_systems.demo import seed_demo as seed_systems
from aims.context.demo import seed_demo as seed_context
from aims.controls.demo import seed_demo
from aims.controls.models import ApplicabilityReason, Control, SoAVersion


def test_the_demo_soa_is_decided_cited_and_approved_and_seeding_twice_changes_nothing(personas):
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_context(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    controls = Control.objects.filter(organization=personas.org)
    assert controls.count() == 38
    assert not controls.filter(decision="undecided").exists()
    assert set(controls.filter(decision="excluded").values_list("reference", flat=True)) == {"A.4.4", "A.7.3"}
    cited = ApplicabilityReason.objects.filter(control__reference="A.8.5", kind="contractual").get()
    assert [o.reference for o in cited.obligations.all()] == ["OBL-003"]
    assert controls.filter(implementation_status="partial").exists()
    version = SoAVersion.objects.get(organization=personas.org)
    assert (version.number, version.approved_by) == (1, personas.owner)
    assert len(version.entries) == 38
