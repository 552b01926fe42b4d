from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.third_parties.demo import seed_demo
from aims.third_parties.models import DueDiligence, Relationship, ResponsibilityAllocation, ThirdParty


def _users(personas):
    return {role: personas.user(role) for role in ("owner", "manager", "contributor", "auditor", "viewer")}


def test_the_demo_has_realistic_suppliers_and_customers_and_a_second_run_changes_nothing(personas):
    chatbot = AISystem.objects.create(
        organization=personas.org, reference="AIS-002", name="Customer-support chatbot", purpose="Answers"
    )
    AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scoring", purpose="Scores"
    )
    seed_demo(personas.org, _users(personas))
    parties = ThirdParty.objects.filter(organization=personas.org)
    assert parties.count() == 6
    assert set(parties.values_list("kind", flat=True)) == {"supplier", "customer"}
    llm = Relationship.objects.get(third_party__reference="SUP-001")
    assert llm.ai_system == chatbot
    assert ResponsibilityAllocation.objects.filter(relationship=llm).count() == 7
    assert Relationship.objects.get(third_party__reference="SUP-003").ai_system is None
    assert DueDiligence.objects.filter(outcome="rejected").exists()
    assert parties.get(reference="SUP-002").is_review_due
    events = AuditEvent.objects.filter(organization=personas.org).count()
    seed_demo(personas.org, _users(personas))
    assert ThirdParty.objects.filter(organization=personas.org).count() == 6
    assert AuditEvent.objects.filter(organization=personas.org).count() == events


def test_the_demo_works_before_any_ai_system_exists(personas):
    seed_demo(personas.org, _users(personas))
    assert Relationship.objects.filter(organization=personas.org, ai_system__isnull=False).count() == 0
    assert Relationship.objects.filter(organization=personas.org).count() == 5
