"""Checking evidence files before they are stored: size limit, allow-list by content, SHA-256, random name.

The type is judged from the file's bytes, never from its name or the browser's word for it; the name only
tells a CSV from other plain text once the content is known to be text. Adapted from `aims/people/uploads.py`
with the wider list the evidence register needs (office files, CSV, plain text, JSON).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
OFFICE = "application/vnd.openxmlformats-officedocument."
# The part every file of each Office Open XML kind holds.
OFFICE_PARTS = (
    ("word/document.xml", ".docx", OFFICE + "wordprocessingml.document"),
    ("xl/workbook.xml", ".xlsx", OFFICE + "spreadsheetml.sheet"),
    ("ppt/presentation.xml", ".pptx", OFFICE + "presentationml.presentation"),
)
ALLOWED_TYPES = (
    "PDF, PNG, JPEG, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), CSV, plain text (UTF-8) or JSON"
)


# Text that is really markup (HTML, SVG, XML) or a program (a DOS/Windows executable, a script).
_NOT_TEXT = ("<", "MZ", "#!")


@dataclass(frozen=True)
class CheckedFile:
    extension: str
    content_type: str
    sha256: str
    size: int
    storage_name: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "AIMS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def _office(upload: UploadedFile) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names or any(name.endswith("vbaProject.bin") for name in names):
        return None  # not an Office file, or one with macros
    return next(((ext, kind) for part, ext, kind in OFFICE_PARTS if part in names), None)


def _text(upload: UploadedFile) -> str | None:
    """The whole file as text if it is UTF-8 without NUL bytes and is not markup (HTML, SVG, XML)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    parts = []
    upload.seek(0)
    try:
        for chunk in upload.chunks():
            if b"\x00" in chunk:
                return None
            parts.append(decoder.decode(chunk))
        parts.append(decoder.decode(b"", final=True))
    except UnicodeDecodeError:
        return None
    finally:
        upload.seek(0)
    text = "".join(parts)
    start = text.lstrip("\ufeff \t\r\n")
    if not start or start.startswith(_NOT_TEXT):
        return None
    return text


def _text_kind(upload: UploadedFile) -> tuple[str, str] | None:
    text = _text(upload)
    if text is None:
        return None
    if text.lstrip()[:1] in "[{":
        try:
            json.loads(text)
        except ValueError:
            pass
        else:
            return ".json", "application/json"
    if (upload.name or "").lower().endswith(".csv"):
        return ".csv", "text/csv"
    return ".txt", "text/plain"


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
    if head.startswith(b"PK\x03\x04"):
        return _office(upload)
    return _text_kind(upload)


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def check_upload(upload: UploadedFile, field: str = "file") -> CheckedFile:
    """Raise ValidationError unless the file is within the size limit and of an allowed type."""
    limit = max_upload_bytes()
    if upload.size is None or upload.size > limit:
        raise ValidationError({field: f"The file is larger than the limit of {_size(limit)}."})
    if upload.size == 0:
        raise ValidationError({field: "The file is empty."})
    kind = sniff(upload)
    if kind is None:
        raise ValidationError({field: f"This type of file is not accepted. Upload {ALLOWED_TYPES}."})
    extension, content_type = kind
    return CheckedFile(
        extension, content_type, _sha256(upload), upload.size, f"{uuid.uuid4().hex}{extension}"
    )


def _size(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else f"{limit:,} bytes"


def limits_help() -> str:
    """The words the upload forms show under the file field."""
    return f"Up to {_size(max_upload_bytes())}: {ALLOWED_TYPES}. The type is checked from the content."
