"""Links to a document's pages in the documents app."""

from __future__ import annotations

from django.urls import reverse

from aims.documents.models import Document, DocumentVersion


def document_url(document: Document, org_slug: str) -> str:
    return reverse("documents:document_detail", kwargs={"org": org_slug, "pk": document.pk})


def version_url(version: DocumentVersion, org_slug: str) -> str:
    kwargs = {"org": org_slug, "pk": version.document_id, "number": version.number}
    return reverse("documents:version_detail", kwargs=kwargs)
