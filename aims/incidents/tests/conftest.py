"""Incident fixtures: an AI system and an incident in Acme, and one in Globex that Acme never sees."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def facts(**overrides: Any) -> dict[str, Any]:
    now = timezone.now()
    values = {
        "title": "Chatbot quoted wrong refund amounts",
        "what_happened": "The support chatbot told customers refunds were double their real amount.",
        "harm": "Customers misled about money owed to them.",
        "severity": "high",
        "detected_on": timezone.localdate(now - timedelta(hours=6)),
        "detected_how": "Customer complaint",
        "became_aware_at": now - timedelta(hours=5),
        "containment": "",
    }
    values.update(overrides)
    return values


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Support chatbot", purpose="Answer customers"
    )


@pytest.fixture
def incident(personas: Personas, system: AISystem) -> Incident:
    return actions.record_incident(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], **facts()
    )


@pytest.fixture
def serious(personas: Personas, incident: Incident) -> Incident:
    return actions.assess_seriousness(
        actor=personas.manager, incident=incident, is_serious=True, serious_kind="general"
    )


@pytest.fixture
def foreign(personas: Personas) -> Incident:
    system = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-001", name="Globex scorer", purpose="Score"
    )
    return actions.record_incident(
        actor=personas.outsider,
        organization=personas.other_org,
        ai_systems=[system],
        **facts(title="Globex scorer leaked data"),
    )
