"""People fixtures: an AIMS role in Acme (and one in Globex that Acme must never see)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from aims.ai_systems.models import AISystem
from aims.organizations.models import Organization
from aims.people import actions
from aims.people.models import AIMSRole, Competence, Concern
from aims.web.testing import Personas

START = date(2026, 1, 5)


def make_role(organization: Organization, number: int, **fields: Any) -> AIMSRole:
    """A role written straight to the database (for lists and counts; behaviour tests use the actions)."""
    values: dict[str, Any] = {"name": f"Role {number:04d}", "area": "risk"}
    values.update(fields)
    return AIMSRole.objects.create(organization=organization, **values)


@pytest.fixture
def role(personas: Personas) -> AIMSRole:
    return actions.create_role(
        actor=personas.manager,
        organization=personas.org,
        name="AI risk owner",
        area="risk",
        responsibilities="Runs the AI risk assessment.",
    )


@pytest.fixture
def foreign_role(personas: Personas) -> AIMSRole:
    return actions.create_role(
        actor=personas.outsider, organization=personas.other_org, name="Globex secret role", area="legal"
    )


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scorer", purpose="x"
    )


def post_json(client: Client, url: str, data: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def concern(personas: Personas) -> Concern:
    """A confidential concern the contributor reported in Acme."""
    return actions.report_concern(
        actor=personas.contributor,
        organization=personas.org,
        category="fairness",
        description="The CV screener seems to reject older applicants.",
    )


@pytest.fixture
def public_token(personas: Personas) -> str:
    _, token = actions.enable_public_link(actor=personas.manager, organization=personas.org)
    return token


PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def docx_bytes() -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def media(settings: Any, tmp_path: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def literacy(personas: Personas) -> Competence:
    return actions.create_competence(
        actor=personas.manager, organization=personas.org, name="AI literacy", is_ai_literacy=True
    )
