"""One upload check for every register: a kind outside a register's policy is refused, judged by content."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.web.uploads import Kind, UploadPolicy

IMAGES = UploadPolicy((Kind.PNG, Kind.JPEG))
TEXTS = UploadPolicy((Kind.TEXT, Kind.CSV, Kind.MARKDOWN, Kind.JSON))


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def _office(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        for part in parts:
            archive.writestr(part, "<x/>")
    return buffer.getvalue()


def test_a_pdf_named_like_an_image_is_refused_by_an_images_only_policy():
    with pytest.raises(ValidationError, match="Upload PNG or JPEG"):
        IMAGES.check(_upload("photo.png", b"%PDF-1.7 not an image"))


def test_the_name_only_chooses_between_kinds_of_text():
    assert TEXTS.check(_upload("rates.csv", b"group,rate\n")).content_type == Kind.CSV.content_type
    assert TEXTS.check(_upload("notes.md", b"# Notes\n")).extension == ".md"
    assert TEXTS.check(_upload("data.txt", b'{"auc": 0.9}')).extension == ".json"
    assert TEXTS.check(_upload("rates.csv", b"plain words")).storage_name.endswith(".csv")


def test_office_files_with_macros_are_refused():
    policy = UploadPolicy((Kind.DOCX,))
    assert policy.check(_upload("a.docx", _office("word/document.xml"))).extension == ".docx"
    with pytest.raises(ValidationError, match="not accepted"):
        policy.check(_upload("a.docx", _office("word/document.xml", "word/vbaProject.bin")))


def test_the_stored_name_is_random_and_the_given_name_loses_its_path():
    checked = TEXTS.check(_upload("C:\\Users\\me\\notes.txt", b"hello"))
    assert checked.name == "notes.txt"
    assert "notes" not in checked.storage_name
    assert len(checked.storage_name) == len("0" * 32 + ".txt")


def test_help_text_names_the_limit_and_the_kinds(settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 2 * 1024 * 1024
    assert IMAGES.help_text() == "Up to 2 MiB: PNG or JPEG. The type is checked from the content."
