import pytest

from aims.ai_systems.models import AISystem
from aims.components.models import AIModel, Dataset
from aims.interchange.report import ImportRejected
from aims.interchange.tests.inventory_files import (
    DATASET_HEADERS,
    DATASET_ROWS,
    MODEL_HEADERS,
    MODEL_ROWS,
    csv_file,
    run_import,
    systems_csv,
)


@pytest.fixture
def systems(personas):
    run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")


def test_models_are_imported_and_linked_to_systems_by_reference(personas, systems):
    report = run_import(
        personas.contributor, personas.org, csv_file([MODEL_HEADERS, *MODEL_ROWS]), "m.csv", "ai_models"
    )
    assert report.counts() == {"ai_models": {"created": 2, "updated": 0, "unchanged": 0}}
    llm = AIModel.objects.get(organization=personas.org, reference="MOD-002")
    assert llm.model_type == AIModel.ModelType.FOUNDATION
    assert sorted(llm.ai_systems.values_list("reference", flat=True)) == ["AIS-001", "AIS-002"]
    assert llm.history.count() == 1


def test_datasets_are_imported_with_their_personal_data_facts(personas, systems):
    data = csv_file([DATASET_HEADERS, *DATASET_ROWS])
    run_import(personas.contributor, personas.org, data, "d.csv", "datasets")
    transcripts = Dataset.objects.get(organization=personas.org, reference="DS-002")
    assert transcripts.contains_personal_data is True
    assert transcripts.special_categories == ["health"]
    assert list(transcripts.ai_systems.values_list("reference", flat=True)) == ["AIS-002"]


def test_the_datasets_own_rules_are_row_errors(personas, systems):
    data = csv_file([DATASET_HEADERS, ["DS-003", "Clinic notes", "training", "no", "health", ""]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "d.csv", "datasets")
    error = rejected.value.report.sheets[0].errors[0]
    assert (error.row, error.column) == (2, "contains_personal_data")
    assert "tick personal data" in error.message
    assert not Dataset.objects.exists()


def test_a_system_of_another_organisation_is_never_linked(personas, systems):
    AISystem.objects.create(organization=personas.other_org, reference="GLX-1", name="Secret", purpose="x")
    data = csv_file([MODEL_HEADERS, ["MOD-009", "Sneaky", "other", "", "AIS-001, GLX-1"]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "m.csv", "ai_models")
    error = rejected.value.report.sheets[0].errors[0]
    assert (error.row, error.column) == (2, "ai_systems")
    assert error.message == "no such AI system in Acme AI: GLX-1"
    assert not AIModel.objects.exists()


def test_nothing_new_is_linked_to_an_archived_system(personas, systems):
    AISystem.objects.filter(reference="AIS-002").update(status=AISystem.Status.ARCHIVED)
    data = csv_file([MODEL_HEADERS, ["MOD-009", "Bot model", "other", "", "AIS-002"]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "m.csv", "ai_models")
    assert "AIS-002 is archived" in rejected.value.report.sheets[0].errors[0].message
