"""Checking an uploaded file before it is stored: size limit, allow-list by content, SHA-256, random name.

One implementation for every register that takes files (training evidence, documents, the evidence register);
each names the kinds it accepts in an `UploadPolicy`. The kind is read from the file's bytes, never from its
name or the browser's word for it; the name only tells CSV or Markdown from other plain text once the bytes
are known to be text. Office files must be real Office Open XML packages without macros; text must be UTF-8
without NUL bytes and must not be markup (HTML, SVG, XML) or a program in disguise.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import uuid
import zipfile
from dataclasses import dataclass
from enum import Enum

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
_OFFICE = "application/vnd.openxmlformats-officedocument."
_ODT = "application/vnd.oasis.opendocument.text"
# Text that is really markup (HTML, SVG, XML) or a program (a DOS/Windows executable, a script).
_NOT_TEXT = ("<", "MZ", "#!")


class Kind(Enum):
    """An accepted kind of file: (extension, content type, what people call it)."""

    PDF = (".pdf", "application/pdf", "PDF")
    PNG = (".png", "image/png", "PNG")
    JPEG = (".jpg", "image/jpeg", "JPEG")
    DOCX = (".docx", _OFFICE + "wordprocessingml.document", "Word (.docx)")
    XLSX = (".xlsx", _OFFICE + "spreadsheetml.sheet", "Excel (.xlsx)")
    PPTX = (".pptx", _OFFICE + "presentationml.presentation", "PowerPoint (.pptx)")
    ODT = (".odt", _ODT, "OpenDocument text (.odt)")
    CSV = (".csv", "text/csv; charset=utf-8", "CSV")
    MARKDOWN = (".md", "text/markdown; charset=utf-8", "Markdown")
    JSON = (".json", "application/json", "JSON")
    TEXT = (".txt", "text/plain; charset=utf-8", "plain text (UTF-8)")

    @property
    def extension(self) -> str:
        return self.value[0]

    @property
    def content_type(self) -> str:
        return self.value[1]

    @property
    def label(self) -> str:
        return self.value[2]


# The part every package of each Office Open XML kind holds.
_OFFICE_PARTS = (
    ("word/document.xml", Kind.DOCX),
    ("xl/workbook.xml", Kind.XLSX),
    ("ppt/presentation.xml", Kind.PPTX),
)


@dataclass(frozen=True)
class CheckedFile:
    name: str  # the uploaded name, without any path, at most 200 characters
    extension: str
    content_type: str
    sha256: str
    size: int
    storage_name: str  # a random name with the extension the content earned


def max_upload_bytes() -> int:
    return int(getattr(settings, "AIMS_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def size_text(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:g} MiB" if mib >= 1 else f"{limit:,} bytes"


def _zip_kind(upload: UploadedFile) -> Kind | None:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == _ODT.encode():
                return Kind.ODT
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names or any(name.endswith("vbaProject.bin") for name in names):
        return None  # not an Office package, or one with macros
    return next((kind for part, kind in _OFFICE_PARTS if part in names), None)


def _text(upload: UploadedFile) -> str | None:
    """The whole file as text if it is UTF-8 without NUL bytes and is not markup or a program."""
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


def _is_json(text: str) -> bool:
    if text.lstrip("\ufeff \t\r\n")[:1] not in ("[", "{"):
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _text_kind(upload: UploadedFile, accepted: frozenset[Kind]) -> Kind | None:
    text = _text(upload)
    if text is None:
        return None
    name = (upload.name or "").lower()
    if Kind.JSON in accepted and _is_json(text):
        return Kind.JSON
    if name.endswith(".csv") and Kind.CSV in accepted:
        return Kind.CSV
    if name.endswith((".md", ".markdown")) and Kind.MARKDOWN in accepted:
        return Kind.MARKDOWN
    return Kind.TEXT


def sniff(upload: UploadedFile, accepted: frozenset[Kind]) -> Kind | None:
    """The kind of the file judged by its content, if it is one of `accepted`; None for anything else."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    kind: Kind | None
    if head.startswith(b"%PDF-"):
        kind = Kind.PDF
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        kind = Kind.PNG
    elif head.startswith(b"\xff\xd8\xff"):
        kind = Kind.JPEG
    elif head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(upload)
    else:
        kind = _text_kind(upload, accepted)
    return kind if kind in accepted else None


def _sha256(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


@dataclass(frozen=True)
class UploadPolicy:
    """The kinds of file one register accepts, and the words that tell people so."""

    kinds: tuple[Kind, ...]

    @property
    def description(self) -> str:
        labels = [kind.label for kind in self.kinds]
        return ", ".join(labels[:-1]) + f" or {labels[-1]}" if len(labels) > 1 else labels[0]

    def help_text(self) -> str:
        """The words a form shows under its file field."""
        limit = size_text(max_upload_bytes())
        return f"Up to {limit}: {self.description}. The type is checked from the content."

    def check(self, upload: UploadedFile, field: str = "file") -> CheckedFile:
        """Raise ValidationError (on `field`) unless the file is within the size limit and accepted."""
        limit = max_upload_bytes()
        if upload.size is None or upload.size > limit:
            raise ValidationError({field: f"The file is larger than the limit of {size_text(limit)}."})
        if upload.size == 0:
            raise ValidationError({field: "The file is empty."})
        kind = sniff(upload, frozenset(self.kinds))
        if kind is None:
            raise ValidationError({field: f"This type of file is not accepted. Upload {self.description}."})
        name = (upload.name or f"file{kind.extension}").replace("\\", "/").rsplit("/", 1)[-1][-200:]
        return CheckedFile(
            name=name,
            extension=kind.extension,
            content_type=kind.content_type,
            sha256=_sha256(upload),
            size=upload.size,
            storage_name=f"{uuid.uuid4().hex}{kind.extension}",
        )
