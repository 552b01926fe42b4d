import pytest
from django.core.exceptions import PermissionDenied

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.documents.models import Document
from aims.lib.errors import ActionError
from aims.policies import actions
from aims.policies.models import AIPolicy


def test_starting_drafts_version_1_from_the_template_with_the_organisations_facts(personas):
    personas.org.ai_roles = ["provider", "customer"]
    personas.org.save()
    AISystem.objects.create(organization=personas.org, reference="AIS-001", name="Credit model", purpose="x")
    policy = actions.start_ai_policy(actor=personas.contributor, organization=personas.org)
    document = policy.document
    assert (document.kind, document.reference, document.title) == ("policy", "POL-AI", "AI policy")
    version = document.versions.get()
    assert (version.number, version.state, version.author) == (1, "draft", personas.contributor)
    assert version.body.startswith("# AI policy of Acme AI")
    assert "[Organisation name]" not in version.body
    assert "AI provider, AI customer." in version.body
    assert "- AIS-001: Credit model" in version.body
    for topic in ("AI objectives", "Continual improvement", "Human oversight", "Fairness", "Transparency",
                  "risks", "other policies", "reviewed"):  # fmt: skip
        assert topic in version.body
    assert set(document.distribution.all()) == {
        personas.owner,
        personas.manager,
        personas.contributor,
        personas.auditor,
        personas.viewer,
    }
    assert AuditEvent.objects.get(verb="ai_policy.started").data["document"] == "POL-AI"


def test_placeholders_without_facts_are_left_for_the_author(personas):
    body = (
        actions.start_ai_policy(actor=personas.manager, organization=personas.org)
        .document.versions.get()
        .body
    )
    assert "[AI roles]" in body
    assert "[AI systems in scope]" in body


def test_a_second_ai_policy_is_refused(personas, ai_policy):
    with pytest.raises(ActionError, match="has an AI policy already"):
        actions.start_ai_policy(actor=personas.owner, organization=personas.org)
    assert Document.objects.filter(organization=personas.org).count() == 1


def test_a_withdrawn_ai_policy_can_be_started_afresh(personas, ai_policy):
    Document.objects.filter(pk=ai_policy.document.pk).update(status="withdrawn")
    again = actions.start_ai_policy(actor=personas.manager, organization=personas.org)
    assert again.pk == ai_policy.pk
    assert again.document.reference == "POL-AI-2"
    assert AIPolicy.objects.get().document == again.document


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_and_outsiders_cannot_start_the_ai_policy(personas, persona):
    with pytest.raises(PermissionDenied):
        actions.start_ai_policy(actor=personas.user(persona), organization=personas.org)
    assert not AIPolicy.objects.exists()
    assert not AuditEvent.objects.filter(verb="ai_policy.started").exists()
