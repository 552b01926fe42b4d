"""Context fixtures: records in Acme, and records in Globex that Acme must never see."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from aims.ai_systems.models import AISystem
from aims.context import actions
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


@pytest.fixture
def chatbot(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Chatbot", purpose="Help"
    )


@pytest.fixture
def issue(personas: Personas, chatbot: AISystem) -> ContextIssue:
    return actions.create_issue(
        actor=personas.contributor,
        organization=personas.org,
        kind="external",
        category="legal",
        title="EU AI Act enters into force",
        ai_systems=[chatbot],
    )


@pytest.fixture
def obligation(personas: Personas, chatbot: AISystem) -> Obligation:
    return actions.create_obligation(
        actor=personas.contributor,
        organization=personas.org,
        kind="legal",
        title="Deployer duties",
        source="EU AI Act Art. 26",
        applicability="applies",
        ai_systems=[chatbot],
    )


@pytest.fixture
def party(personas: Personas) -> InterestedParty:
    return actions.create_party(
        actor=personas.contributor, organization=personas.org, name="Customers", kind="customers"
    )


@pytest.fixture
def requirement(personas: Personas, party: InterestedParty) -> Requirement:
    return actions.add_requirement(
        actor=personas.contributor, party=party, description="Explain decisions", rationale="Part of A.8.2"
    )


@pytest.fixture
def foreign(personas: Personas) -> dict[str, Any]:
    """One record of each kind in Globex."""
    org, actor = personas.other_org, personas.outsider
    party = actions.create_party(actor=actor, organization=org, name="Globex clients", kind="customers")
    return {
        "issue": actions.create_issue(
            actor=actor, organization=org, kind="internal", category="other", title="G"
        ),
        "obligation": actions.create_obligation(
            actor=actor, organization=org, kind="legal", title="G", source="GDPR"
        ),
        "party": party,
        "requirement": actions.add_requirement(actor=actor, party=party, description="X", rationale="Y"),
        "scope": actions.draft_scope(actor=actor, organization=org, boundaries="All of Globex"),
    }
