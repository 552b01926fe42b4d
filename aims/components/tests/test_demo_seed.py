"""The demo organisation's components: made through the actions, linked to its systems, idempotent."""

from aims.audit.models import AuditEvent
from aims.components.demo import seed_demo
from aims.components.models import AIModel, CompetenceNeed, Dataset, ProvenanceEvent, Resource
from aims.components.tests.conftest import make_system


def _users(personas):
    return {role: personas.user(role) for role in ("owner", "manager", "contributor", "auditor", "viewer")}


def test_the_demo_fills_every_register_and_links_the_systems(personas):
    scoring = make_system(personas.org, "AIS-001", "Credit scoring model")
    make_system(personas.org, "AIS-002", "Customer support chatbot")
    cv = make_system(personas.org, "AIS-003", "CV screening assistant")
    seed_demo(personas.org, _users(personas))
    assert AIModel.objects.filter(organization=personas.org).count() == 3
    assert Dataset.objects.filter(organization=personas.org).count() == 6
    assert Resource.objects.filter(organization=personas.org).count() == 4
    assert AIModel.objects.get(reference="MOD-001").ai_systems.get() == scoring
    assert Dataset.objects.get(reference="DS-006").special_categories == ["health", "racial_ethnic_origin"]
    assert ProvenanceEvent.objects.filter(dataset__reference="DS-006").count() == 3
    gaps = CompetenceNeed.objects.filter(ai_system=cv, holders__isnull=True)
    assert [need.competence for need in gaps] == ["Bias and fairness testing"]
    assert AuditEvent.objects.filter(organization=personas.org, verb="ai_model.created").count() == 3


def test_running_the_demo_again_changes_nothing(personas):
    make_system(personas.org, "AIS-001", "Credit scoring model")
    seed_demo(personas.org, _users(personas))
    events = AuditEvent.objects.count()
    seed_demo(personas.org, _users(personas))
    assert AuditEvent.objects.count() == events
    assert CompetenceNeed.objects.count() == 3


def test_the_demo_works_without_systems(personas):
    seed_demo(personas.org, {"owner": personas.owner})
    assert AIModel.objects.count() == 3
    assert not AIModel.objects.filter(ai_systems__isnull=False).exists()
    assert not CompetenceNeed.objects.exists()
