"""A training record whose evidence file was written but whose save then failed leaves no file behind."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from aims.people import actions
from aims.people.actions import competence as competence_actions
from aims.people.models import TrainingRecord
from aims.people.tests.conftest import PDF


def test_the_stored_file_is_deleted_when_the_audit_write_fails(personas, literacy, media, monkeypatch):
    def failing_record(**kwargs):
        raise IntegrityError("the audit chain refused the event")

    monkeypatch.setattr(competence_actions, "record", failing_record)
    with pytest.raises(IntegrityError):
        actions.record_training(
            actor=personas.viewer,
            organization=personas.org,
            user=personas.viewer,
            competence=literacy,
            title="Certificate",
            completed_on=date(2026, 1, 1),
            evidence=SimpleUploadedFile("cert.pdf", PDF, content_type="application/pdf"),
        )
    assert not TrainingRecord.objects.exists()
    assert [path for path in media.rglob("*") if path.is_file()] == []
