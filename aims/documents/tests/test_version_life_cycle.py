from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.documents import actions
from aims.documents.actions import add_months
from aims.documents.models import Document, DocumentVersion
from aims.documents.tests.conftest import draft_of, publish
from aims.lib.errors import ActionError
from aims.web.testing import Personas

State = DocumentVersion.State


def test_a_version_goes_from_draft_through_review_and_approval_to_published(
    personas: Personas, document: Document
) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    version.refresh_from_db()
    assert version.state == State.IN_REVIEW
    assert version.submitted_at is not None
    actions.approve_version(actor=personas.manager, version=version, comment="Clear")
    version.refresh_from_db()
    assert (version.state, version.reviewed_by, version.review_comment) == (
        State.APPROVED,
        personas.manager,
        "Clear",
    )
    actions.publish_version(actor=personas.owner, version=version)
    version.refresh_from_db()
    document.refresh_from_db()
    assert version.state == State.PUBLISHED
    assert version.published_by == personas.owner
    assert document.current_version == version
    assert document.next_review_on == add_months(timezone.localdate(), 12)
    verbs = list(
        AuditEvent.objects.filter(target_id=str(version.pk)).order_by("seq").values_list("verb", flat=True)
    )
    assert [v for v in verbs if v.startswith("document_version.")] == [
        "document_version.created", "document_version.submitted", "document_version.approved",
        "document_version.published",
    ]  # fmt: skip


def test_the_author_cannot_approve_their_own_version(personas: Personas) -> None:
    document = actions.create_document(
        actor=personas.manager, organization=personas.org, title="Plan", kind="plan", body="Text"
    )
    version = draft_of(document)
    actions.submit_version(actor=personas.manager, version=version)
    with pytest.raises(PermissionDenied, match=re.escape(actions.SELF_APPROVAL)):
        actions.approve_version(actor=personas.manager, version=version)
    version.refresh_from_db()
    assert version.state == State.IN_REVIEW
    assert version.reviewed_by is None
    assert not AuditEvent.objects.filter(verb="document_version.approved").exists()


@pytest.mark.parametrize("role", ["contributor", "auditor", "viewer"])
def test_only_owners_and_managers_approve(personas: Personas, document: Document, role: str) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    with pytest.raises(PermissionDenied):
        actions.approve_version(actor=getattr(personas, role), version=version)
    version.refresh_from_db()
    assert version.state == State.IN_REVIEW


@pytest.mark.parametrize("role", ["auditor", "viewer"])
def test_readers_cannot_submit(personas: Personas, document: Document, role: str) -> None:
    with pytest.raises(PermissionDenied):
        actions.submit_version(actor=getattr(personas, role), version=draft_of(document))


def test_a_draft_cannot_be_approved_or_published_before_review(
    personas: Personas, document: Document
) -> None:
    version = draft_of(document)
    with pytest.raises(ActionError, match="not in review"):
        actions.approve_version(actor=personas.owner, version=version)
    with pytest.raises(ActionError, match="only an approved one"):
        actions.publish_version(actor=personas.owner, version=version)


def test_an_empty_draft_cannot_be_submitted(personas: Personas) -> None:
    document = actions.create_document(
        actor=personas.manager, organization=personas.org, title="T", kind="plan"
    )
    with pytest.raises(ValidationError, match="Write the text or attach a file"):
        actions.submit_version(actor=personas.manager, version=draft_of(document))


def test_requested_changes_send_the_version_back_for_editing(personas: Personas, document: Document) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    with pytest.raises(ValidationError):
        actions.request_changes(actor=personas.manager, version=version, comment=" ")
    actions.request_changes(actor=personas.manager, version=version, comment="Add a scope section")
    version.refresh_from_db()
    assert version.state == State.CHANGES_REQUESTED
    assert version.review_comment == "Add a scope section"
    actions.update_version(actor=personas.contributor, version=version, body="## Scope\n\nAll teams.")
    actions.submit_version(actor=personas.contributor, version=version)
    version.refresh_from_db()
    assert version.state == State.IN_REVIEW
    assert version.body.startswith("## Scope")
    assert AuditEvent.objects.filter(verb="document_version.changes_requested").count() == 1


def test_publishing_a_newer_version_supersedes_the_one_in_force(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    second = actions.create_version(actor=personas.contributor, document=document, change_summary="Step 3")
    assert second.number == 2
    assert second.body == published.body
    actions.update_version(actor=personas.contributor, version=second, body=published.body + "3. Run\n")
    publish(personas, second)
    published.refresh_from_db()
    document.refresh_from_db()
    assert published.state == State.SUPERSEDED
    assert published.superseded_at is not None
    assert document.current_version_id == second.pk
    assert AuditEvent.objects.filter(verb="document_version.superseded", target_id=str(published.pk)).exists()


def test_only_one_version_is_in_progress_at_a_time(personas: Personas, document: Document) -> None:
    with pytest.raises(ActionError, match="Version 1 is draft"):
        actions.create_version(actor=personas.contributor, document=document)
    assert document.versions.count() == 1


def test_an_approved_version_blocks_a_new_one_until_published(personas: Personas, document: Document) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    actions.approve_version(actor=personas.owner, version=version)
    with pytest.raises(ActionError, match="approved"):
        actions.create_version(actor=personas.contributor, document=document)


def test_withdrawing_takes_the_document_out_of_force_and_stops_changes(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    with pytest.raises(PermissionDenied):
        actions.withdraw_document(actor=personas.contributor, document=document, reason="Old")
    with pytest.raises(ValidationError):
        actions.withdraw_document(actor=personas.manager, document=document, reason="")
    actions.withdraw_document(actor=personas.manager, document=document, reason="Replaced by PRO-009")
    document.refresh_from_db()
    assert document.status == Document.Status.WITHDRAWN
    assert document.withdrawn_by == personas.manager
    with pytest.raises(ActionError, match="withdrawn"):
        actions.create_version(actor=personas.contributor, document=document)
    with pytest.raises(ActionError, match="withdrawn"):
        actions.update_document(actor=personas.manager, document=document, changes={"title": "New"})
    assert AuditEvent.objects.filter(verb="document.withdrawn").count() == 1


def test_a_review_with_no_change_moves_the_next_review_date_on(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    Document.objects.filter(pk=document.pk).update(next_review_on=timezone.localdate() - timedelta(days=3))
    document.refresh_from_db()
    assert document.is_review_overdue
    actions.mark_document_reviewed(actor=personas.manager, document=document, notes="Still right")
    document.refresh_from_db()
    assert document.next_review_on == add_months(timezone.localdate(), 12)
    assert not document.is_review_overdue
    assert document.last_reviewed_by == personas.manager
    assert AuditEvent.objects.get(verb="document.reviewed").data["notes"] == "Still right"


def test_a_review_needs_a_published_version_and_the_right_role(
    personas: Personas, document: Document
) -> None:
    with pytest.raises(ActionError, match="Publish a version"):
        actions.mark_document_reviewed(actor=personas.manager, document=document)
    with pytest.raises(PermissionDenied):
        actions.mark_document_reviewed(actor=personas.viewer, document=document)


def test_the_document_owner_who_is_a_contributor_may_record_a_review(personas: Personas) -> None:
    document = actions.create_document(
        actor=personas.manager,
        organization=personas.org,
        title="T",
        kind="plan",
        body="x",
        owner=personas.contributor,
    )
    actions.submit_version(actor=personas.manager, version=draft_of(document))
    actions.approve_version(actor=personas.owner, version=draft_of(document))
    actions.publish_version(actor=personas.owner, version=draft_of(document))
    actions.mark_document_reviewed(actor=personas.contributor, document=document)
    document.refresh_from_db()
    assert document.last_reviewed_by == personas.contributor


def test_updating_metadata_is_audited_and_changing_the_interval_moves_the_review_date(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    actions.update_document(
        actor=personas.contributor,
        document=document,
        changes={"title": "AI development procedure", "review_interval_months": 6},
        distribution=[personas.viewer],
    )
    document.refresh_from_db()
    assert document.title == "AI development procedure"
    assert document.next_review_on == add_months(timezone.localdate(), 6)
    assert list(document.distribution.all()) == [personas.viewer]
    event = AuditEvent.objects.get(verb="document.updated")
    assert (event.before or {}).get("title") == "AI system development procedure"
    with pytest.raises(ValidationError):
        actions.update_document(
            actor=personas.contributor, document=document, changes={"status": "withdrawn"}
        )


def test_add_months_keeps_to_the_end_of_short_months() -> None:
    from datetime import date

    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)
