"""AI system fixtures: systems in Acme (and one in Globex that Acme must never see)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from aims.ai_systems import actions
from aims.ai_systems.models import AISystem
from aims.organizations.models import Organization
from aims.web.testing import Personas


def make_system(organization: Organization, number: int, **fields: Any) -> AISystem:
    """A system written straight to the database (for lists and counts; behaviour tests use the actions)."""
    values: dict[str, Any] = {
        "reference": f"T-{number:04d}",
        "name": f"System {number:04d}",
        "purpose": f"Purpose of system {number}",
    }
    values.update(fields)
    return AISystem.objects.create(organization=organization, **values)


@pytest.fixture
def system(personas: Personas) -> AISystem:
    """A chatbot registered in Acme by the contributor, owned by the manager."""
    return actions.register_ai_system(
        actor=personas.contributor,
        organization=personas.org,
        name="Support chatbot",
        purpose="Answer customers' questions.",
        owner=personas.manager,
        ai_roles=["customer"],
    )


@pytest.fixture
def foreign_system(personas: Personas) -> AISystem:
    """Globex's secret system."""
    return actions.register_ai_system(
        actor=personas.outsider,
        organization=personas.other_org,
        name="Globex secret scorer",
        purpose="Secret purpose.",
    )


def post_json(client: Client, url: str, data: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")
