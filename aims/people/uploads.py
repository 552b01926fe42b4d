"""Checking evidence files before they are stored: size limit, allow-list by content, SHA-256, random name.

The type is read from the file's first bytes, never from its name or the browser's word for it.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    sha256: str
    storage_name: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "AIMS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _is_docx(upload: UploadedFile) -> bool:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            return "word/document.xml" in archive.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        upload.seek(0)


def sniff(upload: UploadedFile) -> tuple[str, str] | None:
    """(extension, content type) of an allowed file, judged by its content; None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return ".pdf", "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png", "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return ".jpg", "image/jpeg"
    if head.startswith(b"PK\x03\x04") and _is_docx(upload):
        return ".docx", DOCX
    return None


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def check_evidence(upload: UploadedFile, field: str = "evidence") -> CheckedFile:
    """Raise ValidationError unless the file is small enough and a PDF, PNG, JPEG or Word (DOCX) file."""
    limit = max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError({field: f"The file is larger than the limit of {limit // (1024 * 1024)} MiB."})
    kind = sniff(upload)
    if kind is None:
        raise ValidationError({field: "Only PDF, PNG, JPEG and Word (.docx) files are accepted."})
    extension, content_type = kind
    return CheckedFile(extension, content_type, _sha256(upload), f"{uuid.uuid4().hex}{extension}")
