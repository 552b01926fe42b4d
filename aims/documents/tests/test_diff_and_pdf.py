"""Comparing versions (a readable line diff and the details that changed) and versions as PDF."""

from __future__ import annotations

import io

from django.urls import reverse
from pypdf import PdfReader

from aims.documents import actions
from aims.documents.models import Document, DocumentVersion
from aims.documents.queries import diff_versions
from aims.documents.tests.conftest import draft_of, publish
from aims.lib.pdf_text import latin1
from aims.web.testing import Personas


def _second(personas: Personas, document: Document, body: str) -> DocumentVersion:
    version = actions.create_version(
        actor=personas.contributor, document=document, change_summary="Tightened"
    )
    return actions.update_version(actor=personas.contributor, version=version, body=body)


def test_the_diff_marks_added_and_removed_lines_and_changed_details(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    second = _second(personas, document, published.body.replace("2. Build", "2. Build and test") + "3. Run\n")
    diff = diff_versions(published, second)
    assert [(line.kind, line.text) for line in diff.lines if line.kind != "same"] == [
        ("removed", "2. Build"), ("added", "2. Build and test"), ("added", "3. Run"),
    ]  # fmt: skip
    changed = {label: (a, b) for label, a, b in diff.metadata}
    assert changed["Change summary"] == ("First issue", "Tightened")
    assert changed["State"] == ("Published", "Draft")


def test_long_unchanged_runs_are_folded(personas: Personas) -> None:
    body = "\n".join(f"Line {n}" for n in range(1, 41))
    document = actions.create_document(
        actor=personas.contributor, organization=personas.org, title="Long", kind="plan", body=body
    )
    first = publish(personas, draft_of(document))
    second = _second(personas, document, body.replace("Line 20", "Line twenty"))
    kinds = [line.kind for line in diff_versions(first, second).lines]
    assert kinds.count("skipped") == 2
    assert len(kinds) < 20


def test_the_diff_page_shows_both_versions_chosen(
    personas: Personas, document: Document, published: DocumentVersion
) -> None:
    _second(personas, document, "Completely new <script>alert(1)</script>")
    url = reverse("documents:version_diff", kwargs={"org": "acme", "pk": document.pk})
    page = personas.client("viewer").get(url, {"a": 1, "b": 2}).content.decode()
    assert "Changes from version 1 to version 2" in page
    assert 'class="added"' in page
    assert 'class="removed"' in page
    assert "&lt;script&gt;" in page
    assert "<script>alert" not in page
    assert personas.client("viewer").get(url, {"a": 1, "b": 9}).status_code == 404


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_carries_the_control_block_and_the_rendered_body(
    personas: Personas, published: DocumentVersion
) -> None:
    url = reverse("documents:version_pdf", kwargs={"org": "acme", "pk": published.document_id, "number": 1})
    response = personas.client("viewer").get(url)
    assert response["Content-Disposition"] == 'attachment; filename="PRO-001-v1.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    text = _pdf_text(response.content)
    for expected in ("AI system development procedure", "PRO-001", "1 (published)", "Owner", "Purpose",
                     "How we build AI systems.", "Steps"):  # fmt: skip
        assert expected in text
    assert "# Purpose" not in text  # rendered, not raw Markdown


def test_the_pdf_survives_characters_outside_latin1_and_images(personas: Personas) -> None:
    body = "Quotes “curly” — dash, emoji 🤖, Greek αβγ, a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n![x](http://example.invalid/x.png)"
    document = actions.create_document(
        actor=personas.contributor, organization=personas.org, title="Ünïcode “title”", kind="plan", body=body
    )
    url = reverse("documents:version_pdf", kwargs={"org": "acme", "pk": document.pk, "number": 1})
    text = _pdf_text(personas.client("viewer").get(url).content)
    assert 'Quotes "curly" - dash' in text
    assert "not the one in force" in text


def test_latin1_replaces_what_the_core_fonts_cannot_show() -> None:
    assert latin1("a \u2013 b \u2026 \u201cc\u201d \U0001f916 \u00e9") == 'a - b ... "c" ? \u00e9'
