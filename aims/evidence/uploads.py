"""Which files the evidence register takes, checked by `aims.web.uploads` (size, kind by content, SHA-256).

Office files with macros, text that is really HTML/SVG/XML and programs are refused whatever their name.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from aims.web.uploads import CheckedFile, Kind, UploadPolicy

EVIDENCE_FILES = UploadPolicy(
    (Kind.PDF, Kind.PNG, Kind.JPEG, Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.CSV, Kind.TEXT, Kind.JSON)
)

__all__ = ["EVIDENCE_FILES", "CheckedFile", "check_upload", "limits_help"]


def check_upload(upload: UploadedFile, field: str = "file") -> CheckedFile:
    """Raise ValidationError unless the file is within the size limit and of an accepted kind."""
    return EVIDENCE_FILES.check(upload, field)


def limits_help() -> str:
    """The words the upload forms show under the file field."""
    return EVIDENCE_FILES.help_text()
