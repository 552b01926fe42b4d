"""Impact assessment fixtures: an AI system and assessments in Acme, and one in Globex Acme never sees."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def next_year() -> Any:
    return timezone.localdate() + timedelta(days=365)


IMPACT = {
    "dimension": "fairness",
    "effect": "negative",
    "description": "Thin-file applicants are scored lower than their repayment record warrants.",
    "affected_group": "Young applicants and recent migrants",
    "severity": 3,
    "likelihood": 3,
    "reversibility": "hard",
    "mitigation": "Quarterly fairness testing across age bands.",
}


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scoring", purpose="Score loans"
    )


@pytest.fixture
def draft(personas: Personas, system: AISystem) -> ImpactAssessment:
    return actions.create_assessment(
        actor=personas.contributor,
        organization=personas.org,
        ai_system=system,
        trigger="new_system",
        intended_use="Score consumer loan applications for underwriters.",
    )


@pytest.fixture
def item(personas: Personas, draft: ImpactAssessment) -> ImpactItem:
    return actions.add_item(actor=personas.contributor, assessment=draft, **IMPACT)


@pytest.fixture
def complete(personas: Personas, draft: ImpactAssessment, item: ImpactItem) -> ImpactAssessment:
    return actions.update_assessment(
        actor=personas.contributor,
        assessment=draft,
        changes={"conclusion": "Acceptable with fairness testing.", "decision": "conditions",
                 "next_assessment_on": next_year()},
    )  # fmt: skip


@pytest.fixture
def in_review(personas: Personas, complete: ImpactAssessment) -> ImpactAssessment:
    return actions.submit_assessment(actor=personas.contributor, assessment=complete)


@pytest.fixture
def approved(personas: Personas, in_review: ImpactAssessment) -> ImpactAssessment:
    return actions.approve_assessment(actor=personas.manager, assessment=in_review)


@pytest.fixture
def foreign(personas: Personas) -> ImpactAssessment:
    system = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-001", name="Globex chatbot", purpose="Chat"
    )
    return actions.create_assessment(
        actor=personas.outsider, organization=personas.other_org, ai_system=system, trigger="periodic"
    )
