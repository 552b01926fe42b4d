"""Uploads: size limit and allow-list by content; a refused upload writes nothing, no row and no file."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError

from aims.audit.models import AuditEvent
from aims.documents import actions
from aims.documents.models import Document, DocumentVersion
from aims.documents.tests.conftest import EXE, PDF, PNG, draft_of, odt_bytes, office_bytes, upload
from aims.web.testing import Personas
from aims.web.uploads import Kind


def _files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("a.pdf", PDF, "application/pdf"),
        ("a.png", PNG, "image/png"),
        ("a.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
        ("a.docx", office_bytes("word/document.xml"), Kind.DOCX.content_type),
        ("a.xlsx", office_bytes("xl/workbook.xml"), Kind.XLSX.content_type),
        ("a.pptx", office_bytes("ppt/presentation.xml"), Kind.PPTX.content_type),
        ("a.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
        ("notes.md", "# Notes — ünïcode\n".encode(), "text/markdown; charset=utf-8"),
        ("notes.txt", b"plain text\n", "text/plain; charset=utf-8"),
    ],
)  # fmt: skip
def test_allowed_files_are_stored_with_their_hash_size_and_type(
    personas: Personas, media: Path, name: str, content: bytes, content_type: str
) -> None:
    document = actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="T",
        kind="external",
        upload=upload(name, content),
    )
    version = draft_of(document)
    assert version.file_sha256 == hashlib.sha256(content).hexdigest()
    assert (version.file_size, version.file_content_type, version.file_name) == (
        len(content),
        content_type,
        name,
    )
    assert Path(version.file.path).read_bytes() == content
    assert len(version.file.name.rsplit("/", 1)[-1].split(".")[0]) == 32  # stored under a random name


@pytest.mark.parametrize(
    ("name", "content"),
    [("setup.pdf", EXE), ("a.docx", office_bytes("other/thing.xml")), ("page.html", b"\x00\x01binary"),
     ("latin1.txt", "caf\xe9".encode("latin-1")), ("empty.txt", b"")],
)  # fmt: skip
def test_disallowed_files_are_refused_and_nothing_is_written(
    personas: Personas, media: Path, name: str, content: bytes
) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.create_document(
            actor=personas.contributor,
            organization=personas.org,
            title="T",
            kind="plan",
            upload=upload(name, content),
        )
    assert "file" in caught.value.message_dict
    assert not Document.objects.exists()
    assert not DocumentVersion.objects.exists()
    assert not AuditEvent.objects.exists()
    assert _files(media) == []


def test_a_file_over_the_size_limit_is_refused_and_nothing_is_written(
    personas: Personas, media: Path, settings: Any, document: Document
) -> None:
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    version = draft_of(document)
    big = upload("big.pdf", PDF + b"0" * 2048)
    with pytest.raises(ValidationError, match="larger than the limit"):
        actions.update_version(actor=personas.contributor, version=version, body="changed", upload=big)
    version.refresh_from_db()
    assert version.body.startswith("# Purpose")
    assert not version.file
    assert _files(media) == []
    with pytest.raises(ValidationError, match="larger than the limit"):
        actions.create_document(
            actor=personas.contributor, organization=personas.org, title="T", kind="plan", upload=big
        )
    assert Document.objects.count() == 1
    assert _files(media) == []


def test_a_stored_file_is_deleted_when_the_transaction_then_fails(
    personas: Personas, media: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aims.documents.actions import documents as document_actions

    def broken_record(**kwargs: Any) -> None:
        if kwargs["verb"] == "document_version.created":
            raise RuntimeError("the audit trail is unavailable")

    monkeypatch.setattr(document_actions, "record", broken_record)
    with pytest.raises(RuntimeError):
        actions.create_document(
            actor=personas.contributor, organization=personas.org, title="T", kind="plan", upload=upload()
        )
    assert _files(media) == []
    assert not Document.objects.exists()


def test_a_new_version_keeps_the_previous_file_unless_a_new_one_is_given(
    personas: Personas, media: Path
) -> None:
    document = actions.create_document(
        actor=personas.contributor,
        organization=personas.org,
        title="Model card",
        kind="external",
        upload=upload(),
    )
    first = draft_of(document)
    actions.submit_version(actor=personas.contributor, version=first)
    actions.approve_version(actor=personas.owner, version=first)
    actions.publish_version(actor=personas.owner, version=first)
    second = actions.create_version(actor=personas.contributor, document=document)
    assert (second.file.name, second.file_sha256) == (first.file.name, first.file_sha256)
