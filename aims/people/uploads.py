"""Which files count as training evidence (7.2 d): PDF, PNG, JPEG or Word, checked by `aims.web.uploads`."""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from aims.web.uploads import CheckedFile, Kind, UploadPolicy, max_upload_bytes

EVIDENCE_FILES = UploadPolicy((Kind.PDF, Kind.PNG, Kind.JPEG, Kind.DOCX))

__all__ = ["EVIDENCE_FILES", "CheckedFile", "check_evidence", "max_upload_bytes"]


def check_evidence(upload: UploadedFile, field: str = "evidence") -> CheckedFile:
    """Raise ValidationError unless the file is small enough and a PDF, PNG, JPEG or Word (DOCX) file."""
    return EVIDENCE_FILES.check(upload, field)
