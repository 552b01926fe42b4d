"""Evidence fixtures: files of each allowed type, evidence in Acme, and evidence in Globex that Acme must
never see. Files go to a temporary MEDIA_ROOT."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from aims.ai_systems.models import AISystem
from aims.evidence import actions
from aims.evidence.models import Evidence
from aims.web.testing import Personas

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
COLLECTED = date(2026, 1, 5)


def office_bytes(part: str, *extra: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
        for name in extra:
            archive.writestr(name, "x")
    return buffer.getvalue()


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


def pdf_upload(name: str = "report.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scorer", purpose="Score loans"
    )


@pytest.fixture
def report(personas: Personas, media: Path) -> Evidence:
    """A PDF test report the contributor uploaded in Acme, owned by the manager."""
    return actions.add_evidence_file(
        actor=personas.contributor,
        organization=personas.org,
        upload=pdf_upload("bias test.pdf"),
        title="Bias test report",
        owner=personas.manager,
        collected_on=COLLECTED,
    )


@pytest.fixture
def model_card(personas: Personas) -> Evidence:
    return actions.add_evidence_link(
        actor=personas.contributor,
        organization=personas.org,
        url="https://wiki.acme.test/model-card",
        title="Model card",
        collected_on=COLLECTED,
    )


@pytest.fixture
def foreign(personas: Personas, media: Path) -> Evidence:
    """A file in Globex."""
    return actions.add_evidence_file(
        actor=personas.outsider,
        organization=personas.other_org,
        upload=pdf_upload("secret.pdf"),
        title="Globex secret",
        collected_on=COLLECTED,
    )
