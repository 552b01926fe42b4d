from aims.ai_systems.demo import seed_demo as seed_systems
from aims.context.demo import seed_demo
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, ScopeStatement


def test_the_demo_is_realistic_and_seeding_twice_changes_nothing(personas):
    users = {"owner": personas.owner, "manager": personas.manager, "contributor": personas.contributor}
    seed_systems(personas.org, users)
    seed_demo(personas.org, users)
    seed_demo(personas.org, users)
    assert ContextIssue.objects.filter(is_climate_related=True).exists()
    assert ContextIssue.objects.count() == 4
    assert set(Obligation.objects.values_list("source", flat=True)) >= {"EU AI Act Art. 26", "GDPR Art. 22"}
    assert InterestedParty.objects.count() == 4
    assert Requirement.objects.filter(is_addressed=False).exists()
    scope = ScopeStatement.objects.get()
    assert scope.is_approved
    assert "AIS-001" in scope.systems_in_scope
    assert "AIS-004" not in scope.systems_in_scope
    assert Obligation.objects.get(reference="OBL-001").ai_systems.get().reference == "AIS-003"
