"""Checking a document's file before it is stored: size limit, allow-list judged by content, SHA-256.

The same pattern as `aims.people.uploads`, with the wider list of formats controlled documents come in: PDF,
Word/Excel/PowerPoint (OOXML zips with their main part), OpenDocument text, PNG, JPEG, and plain text or
Markdown (valid UTF-8 without NUL bytes). The type is read from the bytes, never from the name.
"""

from __future__ import annotations

import hashlib
import uuid
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile

from aims.people.uploads import max_upload_bytes

OOXML = {
    "word/document.xml": (".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/workbook.xml": (".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/presentation.xml": (
        ".pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
ODT = "application/vnd.oasis.opendocument.text"
ALLOWED = "PDF, Word, Excel, PowerPoint, OpenDocument text, PNG, JPEG, plain text or Markdown"


@dataclass(frozen=True)
class CheckedFile:
    name: str
    extension: str
    content_type: str
    sha256: str
    size: int
    storage_name: str


def _zip_kind(upload: UploadedFile) -> tuple[str, str] | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
                return ".odt", ODT
            return next((kind for part, kind in OOXML.items() if part in names), None)
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)


def _text_kind(upload: UploadedFile) -> tuple[str, str] | None:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if not data or b"\x00" in data:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if (upload.name or "").lower().endswith((".md", ".markdown")):
        return ".md", "text/markdown; charset=utf-8"
    return ".txt", "text/plain; charset=utf-8"


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
        return _zip_kind(upload)
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
        raise ValidationError({field: f"The file is larger than the limit of {limit // (1024 * 1024)} MiB."})
    if upload.size == 0:
        raise ValidationError({field: "The file is empty."})
    kind = sniff(upload)
    if kind is None:
        raise ValidationError({field: f"This type of file is not accepted. Upload {ALLOWED}."})
    extension, content_type = kind
    name = (upload.name or f"document{extension}").replace("\\", "/").rsplit("/", 1)[-1][-200:]
    return CheckedFile(
        name=name,
        extension=extension,
        content_type=content_type,
        sha256=_sha256(upload),
        size=upload.size,
        storage_name=f"{uuid.uuid4().hex}{extension}",
    )


@contextmanager
def removed_on_error(stored: FieldFile | None) -> Iterator[None]:
    """Delete a file stored in this block's transaction if the block fails (the row naming it rolls back)."""
    try:
        yield
    except BaseException:
        if stored:
            stored.delete(save=False)
        raise
