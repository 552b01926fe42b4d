"""Exporting an AI system as a CycloneDX ML-BOM: valid by the library's own validator, every field carried."""

import json

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator

from aims.components import actions
from aims.interchange.cyclonedx import export_system_bom
from aims.interchange.tests.bom_samples import components_by_ref, make_inventory, properties


def test_exported_bom_is_valid_cyclonedx_1_6(personas):
    inventory = make_inventory(personas)
    text = export_system_bom(inventory.system)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    document = json.loads(text)
    assert document["bomFormat"] == "CycloneDX"
    assert document["specVersion"] == "1.6"
    assert document["serialNumber"].startswith("urn:uuid:")
    assert document["metadata"]["tools"]["components"][0]["name"] == "aims"


def test_the_system_is_the_bom_subject_with_all_its_fields(personas):
    inventory = make_inventory(personas)
    root = json.loads(export_system_bom(inventory.system))["metadata"]["component"]
    assert root["type"] == "application"
    assert root["bom-ref"] == "aims:ai-system:AIS-001"
    assert root["name"] == "Credit scoring"
    assert root["description"] == "Scores applicants from their application and credit history."
    assert properties(root) == {
        "aims:reference": "AIS-001",
        "aims:purpose": "Decide on consumer loan applications.",
        "aims:intended_use": "Loan officers, as one input to the decision.",
        "aims:foreseeable_misuse": "Used alone to refuse credit.",
        "aims:ai_roles": "provider,customer",
        "aims:lifecycle_stage": "deployment",
        "aims:deployment_environment": "cloud",
        "aims:in_scope": "false",
        "aims:owner": "contributor@acme.test",
        "aims:business_unit": "Retail lending",
        "aims:affected_parties": "Applicants, including young and thin-file applicants.",
        "aims:automation_level": "human_approves",
        "aims:human_oversight": "A loan officer approves each decision.",
        "aims:status": "draft",
        "aims:risk_class": "high",
        "aims:next_review_on": "2030-06-30",
    }


def test_models_are_machine_learning_model_components(personas):
    inventory = make_inventory(personas)
    document = json.loads(export_system_bom(inventory.system))
    model = components_by_ref(document)["aims:model:MOD-001"]
    assert model["type"] == "machine-learning-model"
    assert (model["name"], model["version"], model["description"]) == (
        "Scorecard GBM",
        "3.2",
        "Gradient-boosted scorecard.",
    )
    assert model["licenses"] == [{"license": {"id": "Apache-2.0"}}]
    assert model["supplier"] == {"name": "Risk analytics team"}
    values = properties(model)
    assert json.loads(values.pop("aims:evaluation_results")) == [
        {"dataset": "DS-002", "metric": "AUC", "value": 0.81},
        {"dataset": "", "metric": "Approval gap", "value": "2%"},
    ]
    assert values == {
        "aims:reference": "MOD-001",
        "aims:model_type": "classical_ml",
        "aims:training_approach": "Gradient boosting on five years of loan outcomes.",
        "aims:known_limitations": "Thin-file applicants score poorly.",
        "aims:status": "active",
    }
    old = components_by_ref(document)["aims:model:MOD-002"]
    assert old["licenses"] == [{"expression": "MIT OR Apache-2.0"}]
    assert properties(old)["aims:status"] == "archived"


def test_datasets_are_data_components(personas):
    inventory = make_inventory(personas)
    document = json.loads(export_system_bom(inventory.system))
    dataset = components_by_ref(document)["aims:dataset:DS-001"]
    assert dataset["type"] == "data"
    assert dataset["name"] == "Loan applications 2019-2024"
    assert dataset["licenses"] == [{"license": {"name": "Proprietary"}}]
    assert dataset["supplier"] == {"name": "Core banking"}
    assert properties(dataset) == {
        "aims:reference": "DS-001",
        "aims:category": "training",
        "aims:source": "Core banking system",
        "aims:acquisition_method": "internal",
        "aims:volume": "1.2 million rows",
        "aims:data_updated_on": "2024-12-31",
        "aims:usage_rights": "Contract with the applicant; legitimate interest.",
        "aims:contains_personal_data": "true",
        "aims:special_categories": "health,biometric",
        "aims:known_bias": "Few applicants under 21.",
        "aims:quality_requirements": "Complete outcomes for 99% of rows.",
        "aims:measured_quality": "99.4% complete, measured in January 2025.",
        "aims:preparation_steps": "Deduplicated, outcomes labelled after 12 months.",
        "aims:retention_until": "2031-01-01",
        "aims:disposal_method": "Deleted from the warehouse and backups.",
        "aims:status": "active",
    }
    minimal = components_by_ref(document)["aims:dataset:DS-002"]
    assert "licenses" not in minimal
    assert "supplier" not in minimal
    assert properties(minimal) == {
        "aims:reference": "DS-002",
        "aims:category": "test",
        "aims:contains_personal_data": "false",
        "aims:status": "active",
    }


def test_the_system_depends_on_each_model_and_dataset(personas):
    inventory = make_inventory(personas)
    document = json.loads(export_system_bom(inventory.system))
    [system_dependency] = [d for d in document["dependencies"] if d["ref"] == "aims:ai-system:AIS-001"]
    assert sorted(system_dependency["dependsOn"]) == [
        "aims:dataset:DS-001",
        "aims:dataset:DS-002",
        "aims:model:MOD-001",
        "aims:model:MOD-002",
    ]


def test_a_system_without_components_exports_an_empty_component_list(personas):
    inventory = make_inventory(personas)
    for component in (inventory.model, inventory.dataset, inventory.test_dataset):
        actions.unlink_component_from_system(
            actor=personas.manager, component=component, ai_system=inventory.system
        )
    inventory.old_model.ai_systems.clear()
    text = export_system_bom(inventory.system)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    assert json.loads(text).get("components", []) == []


def test_export_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    inventory = make_inventory(personas)
    with django_assert_max_num_queries(3):
        export_system_bom(inventory.system)
    for number in range(20):
        actions.create_ai_model(
            actor=personas.manager,
            organization=personas.org,
            data={"name": f"Model {number}", "model_type": "other"},
            ai_systems=[inventory.system],
        )
    with django_assert_max_num_queries(3):
        export_system_bom(inventory.system)
