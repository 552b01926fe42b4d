import pytest

from aims.ai_systems.models import AISystem, LifecycleStage, StageChange
from aims.components.models import AIModel
from aims.interchange.report import ImportRejected
from aims.interchange.tests.inventory_files import (
    MODEL_HEADERS,
    SYSTEM_HEADERS,
    csv_file,
    inventory_workbook,
    run_import,
    systems_csv,
)


def test_importing_the_same_workbook_twice_changes_nothing(personas):
    run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")
    report = run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")
    assert {name: counts["unchanged"] for name, counts in report.counts().items()} == {
        "ai_systems": 2,
        "ai_models": 2,
        "datasets": 2,
        "suppliers": 2,
    }
    assert all(counts["created"] == counts["updated"] == 0 for counts in report.counts().values())
    assert AISystem.objects.filter(organization=personas.org).count() == 2


def test_a_changed_row_updates_its_record_and_keeps_its_history(personas):
    run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")
    changed = systems_csv(
        ["AIS-001", "Credit scoring v2", "Decide on loans.", "verification_validation",
         "contributor@acme.test", "provider", "yes"],
        ["AIS-002", "Support chatbot", "Answer customers.", "inception", "", "customer, provider", "no"],
    )  # fmt: skip
    report = run_import(personas.contributor, personas.org, changed, "systems.csv", "ai_systems")
    assert report.counts() == {"ai_systems": {"created": 0, "updated": 1, "unchanged": 1}}
    system = AISystem.objects.get(organization=personas.org, reference="AIS-001")
    assert system.name == "Credit scoring v2"
    assert system.owner == personas.contributor
    assert system.history.count() == 2
    move = StageChange.objects.get(ai_system=system)
    assert (move.from_stage, move.to_stage) == (LifecycleStage.DESIGN, LifecycleStage.VERIFICATION)
    assert move.changed_by == personas.contributor


def test_a_column_left_out_keeps_what_aims_holds(personas):
    run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")
    data = csv_file([["reference", "name", "purpose"], ["AIS-001", "Renamed", "Decide on loans."]])
    run_import(personas.contributor, personas.org, data, "systems.csv", "ai_systems")
    system = AISystem.objects.get(reference="AIS-001")
    assert (system.name, system.owner, system.ai_roles) == ("Renamed", personas.manager, ["provider"])


def test_the_links_become_exactly_the_systems_listed(personas):
    run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")
    data = csv_file([MODEL_HEADERS, ["MOD-002", "Hosted LLM", "foundation", "", "AIS-002"]])
    report = run_import(personas.manager, personas.org, data, "models.csv", "ai_models")
    assert report.counts()["ai_models"]["updated"] == 1
    llm = AIModel.objects.get(reference="MOD-002")
    assert list(llm.ai_systems.values_list("reference", flat=True)) == ["AIS-002"]


def test_an_archived_system_is_not_changed_by_import(personas):
    run_import(personas.contributor, personas.org, systems_csv(), "systems.csv", "ai_systems")
    AISystem.objects.filter(reference="AIS-001").update(status=AISystem.Status.ARCHIVED)
    data = csv_file([SYSTEM_HEADERS[:3], ["AIS-001", "New name", "Decide on loans."]])
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.contributor, personas.org, data, "systems.csv", "ai_systems")
    assert "archived; restore it" in rejected.value.report.sheets[0].errors[0].message
    assert AISystem.objects.get(reference="AIS-001").name == "Credit scoring"
