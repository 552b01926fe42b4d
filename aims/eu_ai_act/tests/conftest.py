"""EU AI Act fixtures: an AI system in Acme and one in Globex, and form data for the questionnaire."""

from __future__ import annotations

from typing import Any

import pytest

from aims.ai_systems.models import AISystem
from aims.eu_ai_act.answers import Answers
from aims.eu_ai_act.questions import QUESTIONS, Kind
from aims.organizations.models import Organization
from aims.web.testing import Personas


def make_system(organization: Organization, reference: str, name: str, **extra: Any) -> AISystem:
    return AISystem.objects.create(
        organization=organization, reference=reference, name=name, purpose=f"The {name}.", **extra
    )


@pytest.fixture
def system(personas: Personas) -> AISystem:
    return make_system(personas.org, "AIS-001", "Credit scoring model")


@pytest.fixture
def foreign_system(personas: Personas) -> AISystem:
    return make_system(personas.other_org, "GLX-001", "Globex secret scorer")


def form_data(answers: Answers, operator_role: str) -> dict[str, Any]:
    """The POST data of the questionnaire page for these answers (an empty list ticks 'None of these')."""
    data: dict[str, Any] = {"operator_role": operator_role}
    for question in QUESTIONS:
        if question.id not in answers:
            continue
        value = answers[question.id]
        if question.kind == Kind.YES_NO:
            data[question.id] = "yes" if value else "no"
        else:
            data[question.id] = list(value) if isinstance(value, list) and value else ["none"]
    return data
