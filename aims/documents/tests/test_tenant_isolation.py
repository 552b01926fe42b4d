"""Nothing of Globex's documents is reachable from Acme's pages, and the reverse."""

from __future__ import annotations

from django.urls import reverse

from aims.documents.models import Document
from aims.web.testing import Personas


def test_another_organisations_document_is_not_found_through_acme(
    personas: Personas, foreign: Document
) -> None:
    client = personas.client("owner")
    for name, extra in (
        ("document_detail", {}),
        ("document_edit", {}),
        ("version_diff", {}),
        ("version_detail", {"number": 1}),
        ("version_pdf", {"number": 1}),
        ("version_file", {"number": 1}),
    ):
        url = reverse(f"documents:{name}", kwargs={"org": "acme", "pk": foreign.pk, **extra})
        assert client.get(url).status_code == 404, name


def test_the_api_hides_another_organisations_document(personas: Personas, foreign: Document) -> None:
    client = personas.client("owner")
    assert client.get(f"/api/v1/documents/{foreign.pk}").status_code == 404
    assert client.get(f"/api/v1/documents/{foreign.pk}/versions/1").status_code == 404
    response = client.get("/api/v1/documents", {"organization": "acme"})
    assert response.status_code == 200
    assert response.json()["items"] == []
    assert client.get("/api/v1/documents", {"organization": "globex"}).status_code == 404


def test_the_list_shows_only_the_organisations_documents(personas: Personas, foreign: Document) -> None:
    page = personas.client("outsider").get(reverse("documents:document_list", kwargs={"org": "globex"}))
    assert "Globex secret plan" in page.content.decode()
    page = personas.client("owner").get(reverse("documents:document_list", kwargs={"org": "acme"}))
    assert "Globex secret plan" not in page.content.decode()
