"""Document fixtures: a document in Acme with a draft, helpers to move versions along, files to upload."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from aims.documents import actions
from aims.documents.models import Document, DocumentVersion
from aims.web.testing import Personas

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def office_bytes(part: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<x/>")
    return buffer.getvalue()


def upload(name: str = "procedure.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def document(personas: Personas) -> Document:
    """A procedure in Acme whose version 1 is a draft written by the contributor."""
    return actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="AI system development procedure",
        kind="procedure",
        owner=personas.manager,
        body="# Purpose\n\nHow we build AI systems.\n\n## Steps\n\n1. Plan\n2. Build\n",
        change_summary="First issue",
    )


def draft_of(document: Document) -> DocumentVersion:
    return document.versions.order_by("-number").first()  # type: ignore[return-value]


def publish(personas: Personas, version: DocumentVersion) -> DocumentVersion:
    """Submit (as the author would), approve and publish as the owner."""
    actions.submit_version(actor=personas.contributor, version=version)
    actions.approve_version(actor=personas.owner, version=version, comment="Fine")
    return actions.publish_version(actor=personas.owner, version=version)


@pytest.fixture
def published(personas: Personas, document: Document) -> DocumentVersion:
    """Version 1 of the procedure, published."""
    return publish(personas, draft_of(document))


@pytest.fixture
def foreign(personas: Personas) -> Document:
    """A Globex document that Acme must never see."""
    return actions.create_document(
        actor=personas.outsider,
        organization=personas.other_org,
        title="Globex secret plan",
        kind="plan",
        body="Secret",
    )
