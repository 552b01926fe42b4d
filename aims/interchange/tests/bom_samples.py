"""Test data for the ML-BOM and model-card tests: a fully described system with models and datasets."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from aims.ai_systems import actions as system_actions
from aims.ai_systems.models import AISystem
from aims.components import actions
from aims.components.models import AIModel, Dataset
from aims.organizations.models import Membership, Organization
from aims.web.testing import Personas

SYSTEM = {
    "reference": "AIS-001",
    "name": "Credit scoring",
    "purpose": "Decide on consumer loan applications.",
    "description": "Scores applicants from their application and credit history.",
    "intended_use": "Loan officers, as one input to the decision.",
    "foreseeable_misuse": "Used alone to refuse credit.",
    "ai_roles": ["provider", "customer"],
    "deployment_environment": "cloud",
    "in_scope": False,
    "business_unit": "Retail lending",
    "affected_parties": "Applicants, including young and thin-file applicants.",
    "automation_level": "human_approves",
    "human_oversight": "A loan officer approves each decision.",
    "status": "draft",
    "next_review_on": date(2030, 6, 30),
}
MODEL = {
    "reference": "MOD-001",
    "name": "Scorecard GBM",
    "description": "Gradient-boosted scorecard.",
    "provider": "Risk analytics team",
    "model_type": "classical_ml",
    "version": "3.2",
    "licence": "Apache-2.0",
    "training_approach": "Gradient boosting on five years of loan outcomes.",
    "evaluation_results": [
        {"metric": "AUC", "value": 0.81, "dataset": "DS-002"},
        {"metric": "Approval gap", "value": "2%", "dataset": ""},
    ],
    "known_limitations": "Thin-file applicants score poorly.",
}
OLD_MODEL = {
    "reference": "MOD-002",
    "name": "Legacy logistic model",
    "model_type": "classical_ml",
    "licence": "MIT OR Apache-2.0",
}
DATASET = {
    "reference": "DS-001",
    "name": "Loan applications 2019-2024",
    "description": "Every application with its outcome.",
    "provider": "Core banking",
    "category": "training",
    "source": "Core banking system",
    "acquisition_method": "internal",
    "volume": "1.2 million rows",
    "data_updated_on": date(2024, 12, 31),
    "usage_rights": "Contract with the applicant; legitimate interest.",
    "licence": "Proprietary",
    "contains_personal_data": True,
    "special_categories": ["health", "biometric"],
    "known_bias": "Few applicants under 21.",
    "quality_requirements": "Complete outcomes for 99% of rows.",
    "measured_quality": "99.4% complete, measured in January 2025.",
    "preparation_steps": "Deduplicated, outcomes labelled after 12 months.",
    "retention_until": date(2031, 1, 1),
    "disposal_method": "Deleted from the warehouse and backups.",
}
TEST_DATASET = {"reference": "DS-002", "name": "Hold-out 2024", "category": "test"}


@dataclass
class Inventory:
    system: AISystem
    model: AIModel
    old_model: AIModel
    dataset: Dataset
    test_dataset: Dataset


def make_inventory(personas: Personas) -> Inventory:
    """Credit scoring in Acme: deployed, high-risk, two models (one archived) and two datasets."""
    actor = personas.manager
    system = system_actions.register_ai_system(
        actor=actor,
        organization=personas.org,
        lifecycle_stage="deployment",
        owner=personas.contributor,
        **SYSTEM,
    )
    system_actions.set_risk_class(actor=actor, system=system, risk_class="high")
    org, systems = personas.org, [system]
    model = actions.create_ai_model(actor=actor, organization=org, data=MODEL, ai_systems=systems)
    old = actions.create_ai_model(actor=actor, organization=org, data=OLD_MODEL, ai_systems=systems)
    old = actions.archive_ai_model(actor=actor, ai_model=old)
    dataset = actions.create_dataset(actor=actor, organization=org, data=DATASET, ai_systems=systems)
    test = actions.create_dataset(actor=actor, organization=org, data=TEST_DATASET, ai_systems=systems)
    return Inventory(system, model, old, dataset, test)


def empty_organization(personas: Personas) -> Organization:
    """A new organisation where the manager is owner and the system's owner (contributor) a member."""
    org = Organization.objects.create(name="Initech", slug="initech")
    Membership.objects.create(organization=org, user=personas.manager, role="owner")
    Membership.objects.create(organization=org, user=personas.contributor, role="contributor")
    return org


def comparable(text: str) -> dict[str, Any]:
    """A BOM's JSON without what differs between two exports of the same records."""
    document: dict[str, Any] = json.loads(text)
    document.pop("serialNumber")
    document["metadata"].pop("timestamp")
    return document


def properties(component: dict[str, Any]) -> dict[str, str]:
    return {item["name"]: item["value"] for item in component.get("properties", [])}


def components_by_ref(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {component["bom-ref"]: component for component in document.get("components", [])}


def bom_bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()
