"""Planned change fixtures: an AI system with an open risk, a closed risk and an approved impact assessment
in Acme; a change in Globex that Acme never sees."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.changes import actions
from aims.changes.models import PlannedChange
from aims.impact_assessments.models import ImpactAssessment
from aims.risks.models import Risk
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def plan(**overrides: Any) -> dict[str, Any]:
    values = {
        "title": "Retrain the credit model on 2026 data",
        "description": "Retrain on the 2026 applications and replace the production model.",
        "purpose": "Scores drift on new applicants; retraining restores accuracy.",
        "kind": "ai_system",
        "risk_level": "medium",
        "risk_assessment": "A worse model could refuse good applicants; shadow-run it for two weeks first.",
        "resources": "Two data scientists for a month.",
        "planned_on": timezone.localdate() + timedelta(days=30),
    }
    values.update(overrides)
    return values


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit scoring", purpose="Score loans"
    )


def make_risk(personas: Personas, system: AISystem | None, number: int, **extra: Any) -> Risk:
    return Risk.objects.create(
        organization=personas.org,
        number=number,
        reference=f"RSK-{number:04d}",
        ai_system=system,
        title=f"Risk {number}",
        **extra,
    )


@pytest.fixture
def risks(personas: Personas, system: AISystem) -> dict[str, Risk]:
    return {
        "open": make_risk(personas, system, 1),
        "closed": make_risk(personas, system, 2, status=Risk.Status.CLOSED),
        "other": make_risk(personas, None, 3),
    }


@pytest.fixture
def approved_ia(personas: Personas, system: AISystem) -> ImpactAssessment:
    return ImpactAssessment.objects.create(
        organization=personas.org,
        ai_system=system,
        number=1,
        reference="IA-0001",
        trigger="new_system",
        state=ImpactAssessment.State.APPROVED,
        approved_at=timezone.now() - timedelta(days=30),
        approved_by=personas.manager,
        author=personas.contributor,
    )


@pytest.fixture
def draft(personas: Personas, system: AISystem) -> PlannedChange:
    return actions.plan_change(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan()
    )


@pytest.fixture
def submitted(personas: Personas, draft: PlannedChange) -> PlannedChange:
    return actions.submit_change(actor=personas.contributor, change=draft)


@pytest.fixture
def foreign(personas: Personas) -> PlannedChange:
    return actions.plan_change(
        actor=personas.outsider, organization=personas.other_org, **plan(title="Globex secret change")
    )
