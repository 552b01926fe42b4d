"""Risk fixtures: an AI system and risks in Acme, and a risk in Globex that Acme must never see."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.controls.models import Control
from aims.risks import actions
from aims.risks.models import Risk
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def next_year() -> Any:
    return timezone.localdate() + timedelta(days=365)


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scoring", purpose="Score loans"
    )


@pytest.fixture
def control(personas: Personas) -> Control:
    return Control.objects.create(organization=personas.org, reference="ORG-001", title="Fairness testing")


@pytest.fixture
def risk(personas: Personas, system: AISystem) -> Risk:
    return actions.identify_risk(
        actor=personas.contributor,
        organization=personas.org,
        ai_system=system,
        title="Unfair scores for thin-file applicants",
        owner=personas.manager,
    )


@pytest.fixture
def assessed(personas: Personas, risk: Risk) -> Risk:
    return actions.assess_risk(actor=personas.contributor, risk=risk, likelihood=4, consequence=4)


@pytest.fixture
def treated(personas: Personas, assessed: Risk, control: Control) -> Risk:
    """Inherent high (4x4), residual medium (2x4) under the default criteria."""
    return actions.plan_treatment(
        actor=personas.contributor,
        risk=assessed,
        option="modify",
        plan="Test fairness before every release.",
        controls=[control],
        residual_likelihood=2,
        residual_consequence=4,
    )


@pytest.fixture
def foreign(personas: Personas) -> Risk:
    return actions.identify_risk(
        actor=personas.outsider, organization=personas.other_org, title="Globex risk"
    )
