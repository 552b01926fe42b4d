"""Uploads: an allow-list judged by content, a size limit, the SHA-256 stored. A refused upload writes
nothing: no row, no audit event, no file on disk."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.audit.models import AuditEvent
from aims.evidence import actions
from aims.evidence.models import Evidence
from aims.evidence.tests.conftest import COLLECTED, JPEG, PDF, PNG, office_bytes, stored_files

OFFICE = "application/vnd.openxmlformats-officedocument."


def _add(personas, upload):
    return actions.add_evidence_file(
        actor=personas.contributor,
        organization=personas.org,
        upload=upload,
        title="Evidence",
        collected_on=COLLECTED,
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type", "extension"),
    [
        ("mystery.bin", PDF, "application/pdf", ".pdf"),
        ("mystery.bin", PNG, "image/png", ".png"),
        ("mystery.bin", JPEG, "image/jpeg", ".jpg"),
        ("mystery.bin", office_bytes("word/document.xml"), OFFICE + "wordprocessingml.document", ".docx"),
        ("mystery.bin", office_bytes("xl/workbook.xml"), OFFICE + "spreadsheetml.sheet", ".xlsx"),
        (
            "mystery.bin",
            office_bytes("ppt/presentation.xml"),
            OFFICE + "presentationml.presentation",
            ".pptx",
        ),
        ("results.csv", b"group,rate\nunder 30,0.81\n", "text/csv; charset=utf-8", ".csv"),
        ("notes.txt", "Résumé of the review\n".encode(), "text/plain; charset=utf-8", ".txt"),
        ("metrics.txt", b'{"auc": 0.91}', "application/json", ".json"),
    ],
)
def test_allowed_files_are_stored_under_a_random_name_with_their_digest(
    personas, media, name, content, content_type, extension
):
    evidence = _add(personas, SimpleUploadedFile(name, content, content_type="application/x-anything"))
    evidence.refresh_from_db()
    assert evidence.sha256 == hashlib.sha256(content).hexdigest()
    assert evidence.content_type == content_type
    assert evidence.file_name == name
    assert evidence.file_size == len(content)
    [stored] = stored_files(media)
    assert stored.suffix == extension
    assert name.split(".")[0] not in stored.name
    assert len(stored.stem) == 32
    assert stored.parent.name == str(personas.org.pk)
    assert stored.read_bytes() == content


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00 this is a program",
        b"<html><script>alert(1)</script></html>",
        b"  <svg onload='alert(1)'></svg>",
        b"MZ looks like text but is a program header",
        b"#!/bin/sh\nrm -rf /\n",
        b"PK\x03\x04 a zip that is not an office file",
        office_bytes("word/document.xml", "word/vbaProject.bin"),
        b"\xff\xfe not utf-8 \x00\x00",
        b"text with a NUL \x00 byte",
        b"",
    ],
)
def test_disallowed_content_is_refused_whatever_its_name(personas, media, content):
    with pytest.raises(ValidationError) as exc:
        _add(personas, SimpleUploadedFile("report.pdf", content, content_type="application/pdf"))
    assert "file" in exc.value.message_dict
    assert not Evidence.objects.exists()
    assert not AuditEvent.objects.filter(verb="evidence.added").exists()
    assert stored_files(media) == []


def test_a_file_over_the_limit_is_refused_and_nothing_is_written(personas, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as exc:
        _add(personas, SimpleUploadedFile("big.pdf", PDF + b"0" * 2000))
    assert "larger than the limit of 1,024 bytes" in str(exc.value)
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_a_file_exactly_at_the_limit_is_accepted(personas, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = len(PDF)
    assert _add(personas, SimpleUploadedFile("ok.pdf", PDF)).file_size == len(PDF)
