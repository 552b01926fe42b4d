"""A version's file is served only as a download, with its checked type, to members of the organisation."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from aims.documents import actions
from aims.documents.models import Document
from aims.documents.tests.conftest import PNG, upload
from aims.web.testing import ROLES, Personas, assert_permission_matrix


def _document(personas: Personas) -> Document:
    return actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="Architecture diagram",
        kind="record_template",
        upload=upload("diagram.png", PNG),
    )


def test_members_download_the_file_as_an_attachment(personas: Personas, media: Any) -> None:
    document = _document(personas)
    url = reverse("documents:version_file", kwargs={"org": "acme", "pk": document.pk, "number": 1})
    assert_permission_matrix(personas, "GET", url, ROLES)
    response = personas.client("viewer").get(url)
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'attachment; filename="diagram.png"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]


def test_a_version_without_a_file_answers_not_found(personas: Personas, document: Document) -> None:
    url = reverse("documents:version_file", kwargs={"org": "acme", "pk": document.pk, "number": 1})
    assert personas.client("owner").get(url).status_code == 404


def test_the_version_page_links_the_file_with_its_hash(personas: Personas, media: Any) -> None:
    document = _document(personas)
    url = reverse("documents:version_detail", kwargs={"org": "acme", "pk": document.pk, "number": 1})
    page = personas.client("viewer").get(url).content.decode()
    assert "diagram.png" in page
    assert document.versions.get().file_sha256 in page
