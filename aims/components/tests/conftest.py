"""Component fixtures: AI systems in Acme and Globex, and one record of each register in Acme."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from aims.ai_systems.models import AISystem
from aims.components import actions
from aims.components.models import AIModel, CompetenceNeed, Dataset, Resource
from aims.web.testing import Personas


@dataclass
class Systems:
    scoring: AISystem
    chatbot: AISystem
    foreign: AISystem  # Globex's


def make_system(organization: Any, reference: str, name: str, **fields: Any) -> AISystem:
    return AISystem.objects.create(
        organization=organization, reference=reference, name=name, purpose=f"{name} purpose", **fields
    )


@pytest.fixture
def systems(personas: Personas) -> Systems:
    return Systems(
        scoring=make_system(personas.org, "AIS-001", "Credit scoring"),
        chatbot=make_system(personas.org, "AIS-002", "Support chatbot"),
        foreign=make_system(personas.other_org, "GLX-001", "Globex vision"),
    )


MODEL_DATA = {
    "reference": "MOD-001",
    "name": "Scorecard GBM",
    "model_type": "classical_ml",
    "version": "3.2",
    "provider": "Risk analytics team",
    "licence": "Proprietary",
    "training_approach": "Gradient boosting on five years of loan outcomes.",
    "evaluation_results": [{"metric": "AUC", "value": 0.81, "dataset": "DS-002"}],
    "known_limitations": "Thin-file applicants score poorly.",
}
DATASET_DATA = {
    "reference": "DS-001",
    "name": "Loan applications 2019-2024",
    "category": "training",
    "source": "Core banking system",
    "acquisition_method": "internal",
    "contains_personal_data": True,
    "special_categories": [],
    "known_bias": "Few applicants under 21.",
}
RESOURCE_DATA = {
    "reference": "RES-001",
    "name": "GPU cluster",
    "kind": "computing",
    "location": "cloud",
    "provider": "Hyperscaler",
    "energy_notes": "8 A100 GPUs, about 400 kWh a month, EU-West region.",
}


@pytest.fixture
def ai_model(personas: Personas, systems: Systems) -> AIModel:
    return actions.create_ai_model(
        actor=personas.contributor, organization=personas.org, data=MODEL_DATA, ai_systems=[systems.scoring]
    )


@pytest.fixture
def dataset(personas: Personas, systems: Systems) -> Dataset:
    return actions.create_dataset(
        actor=personas.contributor, organization=personas.org, data=DATASET_DATA, ai_systems=[systems.scoring]
    )


@pytest.fixture
def resource(personas: Personas, systems: Systems) -> Resource:
    return actions.create_resource(
        actor=personas.contributor,
        organization=personas.org,
        data=RESOURCE_DATA,
        ai_systems=[systems.chatbot],
    )


@pytest.fixture
def need(personas: Personas, systems: Systems) -> CompetenceNeed:
    return actions.create_competence_need(
        actor=personas.manager,
        ai_system=systems.scoring,
        data={"competence": "Credit-risk modelling", "area": "data_science", "description": ""},
        holders=[personas.contributor],
    )


@pytest.fixture
def foreign_records(personas: Personas, systems: Systems) -> dict[str, Any]:
    """One record of each register in Globex, made by its owner (the outsider)."""
    owner, org = personas.outsider, personas.other_org
    return {
        "model": actions.create_ai_model(
            actor=owner, organization=org, data={**MODEL_DATA, "name": "Globex secret model"}
        ),
        "dataset": actions.create_dataset(
            actor=owner, organization=org, data={**DATASET_DATA, "name": "Globex secret data"}
        ),
        "resource": actions.create_resource(
            actor=owner, organization=org, data={**RESOURCE_DATA, "name": "Globex secret cluster"}
        ),
        "need": actions.create_competence_need(
            actor=owner,
            ai_system=systems.foreign,
            data={"competence": "Globex secret skill", "area": "other", "description": ""},
        ),
    }


def post_json(client: Client, url: str, data: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def patch_json(client: Client, url: str, data: Any) -> Any:
    return client.patch(url, json.dumps(data), content_type="application/json")
