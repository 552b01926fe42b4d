"""Third-party fixtures: an AI system, a supplier with a relationship in Acme, and a supplier in Globex."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from django.test import Client

from aims.ai_systems.models import AISystem
from aims.third_parties import actions
from aims.third_parties.actions import Allocation
from aims.third_parties.models import Relationship, ThirdParty
from aims.web.testing import Personas

STAGES = (
    "inception",
    "design_development",
    "verification_validation",
    "deployment",
    "operation_monitoring",
    "reevaluation",
    "retirement",
)


def every_stage(party: str = "us", note: str = "") -> list[Allocation]:
    return [Allocation(stage, party, note) for stage in STAGES]


def api(client: Client, method: str, url: str, data: Any = None) -> Any:
    return getattr(client, method.lower())(url, data=json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-1", name="Support chatbot", purpose="Answer customers."
    )


@pytest.fixture
def party(personas: Personas) -> ThirdParty:
    return actions.create_third_party(
        actor=personas.contributor,
        organization=personas.org,
        reference="SUP-1",
        name="Lumen Models",
        kind=ThirdParty.Kind.SUPPLIER,
        categories=["model_provider"],
    )


@pytest.fixture
def relationship(personas: Personas, party: ThirdParty, system: AISystem) -> Relationship:
    return actions.create_relationship(
        actor=personas.contributor,
        third_party=party,
        subject="Hosted language model",
        ai_system=system,
        contract_reference="MSA-1",
        started_on=date(2025, 1, 1),
        next_review_on=date(2030, 1, 1),
    )


@pytest.fixture
def foreign_party(personas: Personas) -> ThirdParty:
    return actions.create_third_party(
        actor=personas.outsider,
        organization=personas.other_org,
        reference="SUP-1",
        name="Globex Secret Supplier",
    )


@pytest.fixture
def foreign_relationship(personas: Personas, foreign_party: ThirdParty) -> Relationship:
    return actions.create_relationship(
        actor=personas.outsider, third_party=foreign_party, subject="Secret data feed"
    )
