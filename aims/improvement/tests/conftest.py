"""Improvement fixtures: a nonconformity of Acme owned by the manager, one taken to verification, an
improvement opportunity, and records of Globex that Acme never sees."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from aims.improvement import actions
from aims.improvement.models import CorrectiveAction, ImprovementOpportunity, Nonconformity
from aims.web.testing import Personas

WHYS = [
    {"why": "Why was the assessment late?", "because": "Nobody was told it was due."},
    {"why": "Why was nobody told?", "because": "Reviews had no reminder."},
]


def post_json(client: Client, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def raise_one(personas: Personas, **overrides: Any) -> Nonconformity:
    values: dict[str, Any] = {
        "actor": personas.contributor,
        "organization": personas.org,
        "title": "Impact assessment of AIS-004 overdue",
        "description": "The yearly impact assessment was due in March and is not done.",
        "source": "audit",
        "grade": "minor",
        "owner": personas.manager,
    }
    values.update(overrides)
    return actions.raise_nonconformity(**values)


def with_done_action(personas: Personas, nc: Nonconformity) -> CorrectiveAction:
    """The root cause recorded and one corrective action done, owned by the contributor."""
    actions.record_root_cause(
        actor=personas.contributor,
        nonconformity=nc,
        cause_method="five_whys",
        cause_steps=WHYS,
        root_cause="Impact-assessment reviews had no reminder.",
    )
    action = actions.add_corrective_action(
        actor=personas.contributor,
        nonconformity=nc,
        description="Add a reminder for every review date.",
        owner=personas.contributor,
        due_on=timezone.localdate() + timedelta(days=10),
    )
    return actions.complete_corrective_action(actor=personas.contributor, action=action)


@pytest.fixture
def nc(personas: Personas) -> Nonconformity:
    return raise_one(personas)


@pytest.fixture
def awaiting(personas: Personas, nc: Nonconformity) -> Nonconformity:
    """Awaiting verification: root cause, one action done, verification asked for."""
    with_done_action(personas, nc)
    return actions.request_verification(actor=personas.contributor, nonconformity=nc)


@pytest.fixture
def verified(personas: Personas, awaiting: Nonconformity) -> Nonconformity:
    actions.verify_effectiveness(
        actor=personas.owner, nonconformity=awaiting, outcome="effective", notes="No recurrence in 3 months."
    )
    return awaiting


@pytest.fixture
def opportunity(personas: Personas) -> ImprovementOpportunity:
    return actions.record_opportunity(
        actor=personas.contributor,
        organization=personas.org,
        title="Automate the monthly fairness report",
        description="Produce the report from the monitoring data.",
        source="suggestion",
    )


@pytest.fixture
def foreign(personas: Personas) -> Nonconformity:
    return raise_one(
        personas,
        actor=personas.outsider,
        organization=personas.other_org,
        title="Globex supplier not assessed",
        owner=None,
    )


@pytest.fixture
def foreign_opportunity(personas: Personas) -> ImprovementOpportunity:
    return actions.record_opportunity(
        actor=personas.outsider,
        organization=personas.other_org,
        title="Globex idea",
        description="Theirs.",
        source="other",
    )
