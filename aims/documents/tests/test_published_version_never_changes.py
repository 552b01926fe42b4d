"""A published version never changes, whichever door is tried; each attempt fails, the row unchanged."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from aims.documents import actions
from aims.documents.models import Document, DocumentVersion, FrozenVersionError
from aims.documents.tests.conftest import draft_of, upload
from aims.lib.errors import ActionError
from aims.web.testing import Personas

State = DocumentVersion.State


def _stored(version: DocumentVersion) -> tuple[str, str, str, int]:
    row = DocumentVersion.objects.values_list("body", "change_summary", "file", "number").get(pk=version.pk)
    return row


def test_the_update_action_refuses_a_published_version(
    personas: Personas, published: DocumentVersion
) -> None:
    before = _stored(published)
    with pytest.raises(ActionError, match="only a draft or a version with changes requested can be edited"):
        actions.update_version(actor=personas.owner, version=published, body="Changed")
    assert _stored(published) == before


def test_the_update_action_refuses_an_approved_version(personas: Personas, document: Document) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    actions.approve_version(actor=personas.owner, version=version)
    with pytest.raises(ActionError):
        actions.update_version(actor=personas.contributor, version=version, change_summary="Sneaky")
    version.refresh_from_db()
    assert version.change_summary == "First issue"


def test_model_save_refuses_new_text_on_a_published_version(published: DocumentVersion) -> None:
    before = _stored(published)
    published.body = "Rewritten in place"
    with pytest.raises(FrozenVersionError, match="never changes"):
        published.save()
    assert _stored(published) == before


def test_model_save_refuses_new_text_on_an_approved_version(personas: Personas, document: Document) -> None:
    version = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=version)
    approved = actions.approve_version(actor=personas.owner, version=version)
    approved.change_summary = "Other"
    with pytest.raises(FrozenVersionError):
        approved.save()


@pytest.mark.parametrize(
    "change",
    [{"body": "Rewritten"}, {"change_summary": "Other"}, {"file": "documents/evil.pdf"}, {"number": 7}],
)
def test_the_database_refuses_an_orm_update_of_a_published_version(
    published: DocumentVersion, change: dict[str, object]
) -> None:
    before = _stored(published)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.filter(pk=published.pk).update(**change)
    assert _stored(published) == before


def test_the_database_refuses_an_orm_update_of_a_superseded_version(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    second = actions.create_version(actor=personas.contributor, document=document, body="v2")
    actions.submit_version(actor=personas.contributor, version=second)
    actions.approve_version(actor=personas.owner, version=second)
    actions.publish_version(actor=personas.owner, version=second)
    with pytest.raises(IntegrityError), transaction.atomic():
        DocumentVersion.objects.filter(pk=published.pk).update(body="Rewritten history")
    published.refresh_from_db()
    assert published.state == State.SUPERSEDED
    assert published.body.startswith("# Purpose")


def test_an_orm_delete_of_a_published_version_is_refused(published: DocumentVersion) -> None:
    with pytest.raises(FrozenVersionError, match="never deleted"), transaction.atomic():
        DocumentVersion.objects.filter(pk=published.pk).delete()
    with pytest.raises(FrozenVersionError), transaction.atomic():
        Document.objects.filter(pk=published.document_id).delete()
    assert DocumentVersion.objects.filter(pk=published.pk).exists()


def test_postgresql_refuses_a_raw_delete_of_a_published_version(published: DocumentVersion) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's test flush deletes row by row, so only the model layer guards deletion there")
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM documents_documentversion WHERE id = %s", [published.pk])
    assert DocumentVersion.objects.filter(pk=published.pk).exists()


def test_raw_sql_cannot_rewrite_a_published_version(published: DocumentVersion) -> None:
    before = _stored(published)
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE documents_documentversion SET body = 'x' WHERE id = %s", [published.pk])
    assert _stored(published) == before


def test_the_database_still_allows_the_state_to_move_on(published: DocumentVersion) -> None:
    DocumentVersion.objects.filter(pk=published.pk).update(state=State.SUPERSEDED)
    published.refresh_from_db()
    assert published.state == State.SUPERSEDED


def test_a_draft_can_still_be_changed_and_deleted(
    personas: Personas, document: Document, media: object
) -> None:
    version = draft_of(document)
    actions.update_version(actor=personas.contributor, version=version, body="New", upload=upload())
    version.refresh_from_db()
    assert version.body == "New"
    assert version.file_name == "procedure.pdf"
    DocumentVersion.objects.filter(pk=version.pk).delete()
    assert not DocumentVersion.objects.filter(pk=version.pk).exists()


def test_the_html_edit_page_refuses_a_published_version(
    personas: Personas, published: DocumentVersion
) -> None:
    from django.urls import reverse

    before = _stored(published)
    url = reverse("documents:version_edit", kwargs={"org": "acme", "pk": published.document_id, "number": 1})
    client = personas.client("owner")
    response = client.post(url, {"body": "Rewritten", "change_summary": "x"})
    assert response.status_code == 302
    assert _stored(published) == before
    page = client.get(response["Location"]).content.decode()
    assert "it never changes" in page
    assert "Edit draft" not in page


def test_the_api_patch_refuses_a_published_version(personas: Personas, published: DocumentVersion) -> None:
    from aims.documents.tests.conftest import post_json

    before = _stored(published)
    url = f"/api/v1/documents/{published.document_id}/versions/1"
    response = post_json(personas.client("owner"), url, {"body": "Rewritten"}, method="patch")
    assert response.status_code == 409
    assert "only a draft" in response.json()["error"]["message"]
    response = personas.client("owner").post(f"{url}/file", {"upload": upload()})
    assert response.status_code == 409
    assert _stored(published) == before
