"""Objective fixtures: a metric and an objective in Acme measured by it, and an objective in Globex."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from aims.monitoring import actions as monitoring
from aims.monitoring.models import Metric
from aims.objectives import actions
from aims.objectives.models import Objective
from aims.web.testing import Personas


@pytest.fixture
def metric(personas: Personas) -> Metric:
    return monitoring.create_metric(
        actor=personas.manager, organization=personas.org, name="Fairness gap", unit="pp",
        direction="lower_better", warning_value=Decimal(3), breach_value=Decimal(5),
    )  # fmt: skip


@pytest.fixture
def objective(personas: Personas, metric: Metric) -> Objective:
    return actions.create_objective(
        actor=personas.contributor,
        organization=personas.org,
        title="Fair credit decisions",
        owner=personas.contributor,
        metric=metric,
        baseline=Decimal("4"),
        target_value=Decimal("2"),
        unit="pp",
        direction="at_most",
        due_on=timezone.localdate() + timedelta(days=100),
        evaluation="Quarterly by the AI committee",
    )


@pytest.fixture
def active(personas: Personas, objective: Objective) -> Objective:
    return actions.activate_objective(actor=personas.contributor, objective=objective)


@pytest.fixture
def foreign(personas: Personas) -> Objective:
    return actions.create_objective(
        actor=personas.outsider, organization=personas.other_org, title="Globex goal", manual_measure="Judged"
    )
