"""Which files a document version may carry, checked by `aims.web.uploads` (size, kind by content, SHA-256).

Controlled documents come as PDF, Office or OpenDocument files, images, or Markdown and plain text.
"""

from __future__ import annotations

from django.core.files.uploadedfile import UploadedFile

from aims.web.uploads import CheckedFile, Kind, UploadPolicy

DOCUMENT_FILES = UploadPolicy(
    (Kind.PDF, Kind.DOCX, Kind.XLSX, Kind.PPTX, Kind.ODT, Kind.PNG, Kind.JPEG, Kind.MARKDOWN, Kind.TEXT)
)
ALLOWED = DOCUMENT_FILES.description

__all__ = ["ALLOWED", "DOCUMENT_FILES", "CheckedFile", "check_upload"]


def check_upload(upload: UploadedFile, field: str = "file") -> CheckedFile:
    """Raise ValidationError unless the file is within the size limit and of an accepted kind."""
    return DOCUMENT_FILES.check(upload, field)
