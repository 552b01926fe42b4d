import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.documents import actions as documents
from aims.documents.models import Document
from aims.policies import actions
from aims.policies.models import AlignedPolicy


def test_an_editor_links_a_policy_with_a_note_and_unlinks_it(personas, aligned, security_policy):
    assert (aligned.document, aligned.linked_by) == (security_policy, personas.contributor)
    event = AuditEvent.objects.get(verb="aligned_policy.linked")
    assert event.after == {"document": "POL-001", "note": aligned.note}
    actions.unlink_aligned_policy(actor=personas.manager, link=aligned)
    assert not AlignedPolicy.objects.exists()
    assert AuditEvent.objects.get(verb="aligned_policy.unlinked").before == {
        "document": "POL-001",
        "note": aligned.note,
    }


def test_the_same_policy_cannot_be_linked_twice(personas, aligned, security_policy):
    with pytest.raises(ValidationError) as error:
        actions.link_aligned_policy(
            actor=personas.manager, organization=personas.org, document=security_policy, note="Again"
        )
    assert "linked already" in str(error.value.message_dict["document"])
    assert AlignedPolicy.objects.count() == 1


def test_the_ai_policy_itself_another_organisations_and_withdrawn_documents_are_refused(
    personas, ai_policy, security_policy
):
    foreign = documents.create_document(
        actor=personas.outsider, organization=personas.other_org, title="G", kind="policy"
    )
    Document.objects.filter(pk=security_policy.pk).update(status="withdrawn")
    security_policy.refresh_from_db()
    for document in (ai_policy.document, foreign, security_policy):
        with pytest.raises(ValidationError) as error:
            actions.link_aligned_policy(
                actor=personas.manager, organization=personas.org, document=document, note="x"
            )
        assert "document" in error.value.message_dict
    assert not AlignedPolicy.objects.exists()


def test_a_note_is_required(personas, security_policy):
    with pytest.raises(ValidationError) as error:
        actions.link_aligned_policy(
            actor=personas.manager, organization=personas.org, document=security_policy, note="  "
        )
    assert "note" in error.value.message_dict


@pytest.mark.parametrize("persona", ["viewer", "auditor", "outsider"])
def test_readers_cannot_link_or_unlink(personas, aligned, security_policy, persona):
    with pytest.raises(PermissionDenied):
        actions.unlink_aligned_policy(actor=personas.user(persona), link=aligned)
    aligned.delete()
    with pytest.raises(PermissionDenied):
        actions.link_aligned_policy(
            actor=personas.user(persona), organization=personas.org, document=security_policy, note="x"
        )
    assert not AlignedPolicy.objects.exists()
