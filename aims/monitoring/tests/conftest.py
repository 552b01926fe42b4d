"""Monitoring fixtures: a manual metric in Acme with thresholds, and one in Globex that Acme never sees."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.monitoring import actions
from aims.monitoring.actions import Reading
from aims.monitoring.models import Measurement, Metric
from aims.web.testing import Personas


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def ago(days: int = 0, hours: int = 0) -> datetime:
    return timezone.now() - timedelta(days=days, hours=hours)


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference="AIS-001", name="Credit model", purpose="Score applicants"
    )


@pytest.fixture
def metric(personas: Personas, system: AISystem) -> Metric:
    """Accuracy, higher is better: warning below 0.90, breach below 0.85; owned by the contributor."""
    return actions.create_metric(
        actor=personas.contributor,
        organization=personas.org,
        name="Credit model accuracy",
        description="Share of right decisions",
        frequency="monthly",
        owner=personas.contributor,
        unit="",
        direction="higher_better",
        warning_value=Decimal("0.90"),
        breach_value=Decimal("0.85"),
        ai_system=system,
        source="api",
    )


@pytest.fixture
def gap(personas: Personas) -> Metric:
    """A fairness gap, lower is better: warning above 3, breach above 5; no owner."""
    return actions.create_metric(
        actor=personas.manager,
        organization=personas.org,
        name="Fairness gap",
        frequency="weekly",
        unit="pp",
        direction="lower_better",
        warning_value=Decimal("3"),
        breach_value=Decimal("5"),
        source="manual",
    )


@pytest.fixture
def foreign(personas: Personas) -> Metric:
    return actions.create_metric(
        actor=personas.outsider, organization=personas.other_org, name="Globex uptime", source="manual"
    )


def measure(actor: Any, metric: Metric, value: str, days_ago: int = 0) -> Measurement:
    return actions.record_measurement(
        actor=actor, metric=metric, reading=Reading(Decimal(value), ago(days=days_ago, hours=1))
    )
