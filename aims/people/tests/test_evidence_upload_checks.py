"""Evidence files: content allow-list (PDF, PNG, JPEG, DOCX), size limit, SHA-256, random name. Refused
files leave nothing behind: no record, no audit event, no file."""

import hashlib
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import TrainingRecord
from aims.people.tests.conftest import JPEG, PDF, PNG, docx_bytes


def _record(personas, literacy, upload):
    return actions.record_training(
        actor=personas.viewer,
        organization=personas.org,
        user=personas.viewer,
        competence=literacy,
        title="Certificate",
        completed_on=date(2026, 1, 1),
        evidence=upload,
    )


def _files(media):
    return [p for p in media.rglob("*") if p.is_file()]


@pytest.mark.parametrize(
    ("content", "content_type", "extension"),
    [
        (PDF, "application/pdf", ".pdf"),
        (PNG, "image/png", ".png"),
        (JPEG, "image/jpeg", ".jpg"),
        (docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"),
    ],
)
def test_allowed_files_are_stored_under_a_random_name_with_their_digest(
    personas, literacy, media, content, content_type, extension
):
    training = _record(
        personas, literacy, SimpleUploadedFile("my cert.bin", content, content_type="text/plain")
    )
    assert training.evidence_sha256 == hashlib.sha256(content).hexdigest()
    assert training.evidence_type == content_type
    assert training.evidence_name == "my cert.bin"
    stored = _files(media)
    assert len(stored) == 1
    assert stored[0].suffix == extension
    assert "cert" not in stored[0].name
    assert stored[0].read_bytes() == content


@pytest.mark.parametrize(
    "content",
    [
        b"MZ\x90\x00 this is a program",
        b"<html><script>alert(1)</script></html>",
        b"PK\x03\x04 a zip that is not a Word file",
        b"",
    ],
)
def test_disallowed_content_is_refused_whatever_its_name(personas, literacy, media, content):
    with pytest.raises(ValidationError) as exc:
        _record(
            personas, literacy, SimpleUploadedFile("certificate.pdf", content, content_type="application/pdf")
        )
    assert "evidence" in exc.value.message_dict
    assert not TrainingRecord.objects.exists()
    assert not AuditEvent.objects.filter(verb="training.recorded").exists()
    assert _files(media) == []


def test_a_file_over_the_limit_is_refused(personas, literacy, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as exc:
        _record(
            personas,
            literacy,
            SimpleUploadedFile("big.pdf", PDF + b"0" * 2000, content_type="application/pdf"),
        )
    assert "larger than the limit" in str(exc.value)
    assert not TrainingRecord.objects.exists()
    assert _files(media) == []


def test_the_page_refuses_bad_files_with_a_form_error(personas, literacy, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    client = personas.client("viewer")
    data = {
        "user": personas.viewer.pk,
        "competence": literacy.pk,
        "kind": "training",
        "title": "x",
        "completed_on": "2026-01-01",
    }
    for upload in (SimpleUploadedFile("a.pdf", b"MZ nope"), SimpleUploadedFile("b.pdf", PDF + b"0" * 2000)):
        response = client.post("/o/acme/people/training/new/", {**data, "evidence": upload})
        assert response.status_code == 422
        assert b"field-error" in response.content
    assert not TrainingRecord.objects.exists()
    assert _files(media) == []
    response = client.post(
        "/o/acme/people/training/new/", {**data, "evidence": SimpleUploadedFile("ok.pdf", PDF)}
    )
    assert response.status_code == 302
    assert TrainingRecord.objects.get().evidence_sha256 == hashlib.sha256(PDF).hexdigest()


def test_the_endpoint_takes_multipart_and_refuses_bad_files_with_422(personas, literacy, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    client = personas.client("manager")
    url = "/api/v1/people/training-records?organization=acme"
    data = {"user": "viewer@acme.test", "competence": literacy.pk, "title": "x", "completed_on": "2026-01-01"}
    for upload in (SimpleUploadedFile("a.pdf", b"MZ nope"), SimpleUploadedFile("b.pdf", PDF + b"0" * 2000)):
        response = client.post(url, {**data, "evidence": upload})
        assert response.status_code == 422, response.content
        assert "evidence" in response.json()["error"]["fields"]
    assert not TrainingRecord.objects.exists()
    assert _files(media) == []
    response = client.post(url, {**data, "evidence": SimpleUploadedFile("ok.png", PNG)})
    assert response.status_code == 201, response.content
    assert response.json()["evidence_type"] == "image/png"
