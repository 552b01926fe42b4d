import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.interchange.actions import export_inventory, import_template
from aims.interchange.tests.inventory_files import csv_rows, inventory_workbook, run_import, sheet_rows


@pytest.fixture
def inventory(personas):
    run_import(personas.manager, personas.org, inventory_workbook(), "inventory.xlsx")
    AISystem.objects.create(organization=personas.other_org, reference="GLX-1", name="Secret", purpose="x")


def test_every_register_exports_as_a_sheet_of_one_workbook(personas, inventory):
    data = export_inventory(actor=personas.viewer, organization=personas.org, register=None, fmt="xlsx")
    systems = sheet_rows(data, "AI systems")
    assert systems[0][:3] == ("reference", "name", "purpose")
    assert [row[0] for row in systems[1:]] == ["AIS-001", "AIS-002"]
    models = sheet_rows(data, "Models")
    assert models[2][-1] == "AIS-001, AIS-002"
    assert sheet_rows(data, "Columns")[0] == ("sheet", "column", "required", "what to put in it", "example")


def test_a_register_exports_as_csv_with_the_owner_by_email(personas, inventory):
    data = export_inventory(
        actor=personas.auditor, organization=personas.org, register="ai_systems", fmt="csv"
    )
    rows = csv_rows(data)
    owner = rows[0].index("owner")
    assert rows[1][owner] == "manager@acme.test"
    assert all(row[0] != "GLX-1" for row in rows)


def test_an_export_imports_again_without_changing_anything(personas, inventory):
    data = export_inventory(actor=personas.manager, organization=personas.org, register=None, fmt="xlsx")
    report = run_import(personas.manager, personas.org, data, "export.xlsx")
    assert all(counts == {"created": 0, "updated": 0, "unchanged": 2} for counts in report.counts().values())


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"])
def test_exports_are_safe_against_formula_injection(personas, dangerous):
    AISystem.objects.create(organization=personas.org, reference="AIS-1", name=dangerous, purpose="p")
    xlsx = export_inventory(
        actor=personas.viewer, organization=personas.org, register="ai_systems", fmt="xlsx"
    )
    assert sheet_rows(xlsx, "AI systems")[1][1] == "'" + dangerous
    csv = export_inventory(actor=personas.viewer, organization=personas.org, register="ai_systems", fmt="csv")
    assert csv_rows(csv)[1][1] == "'" + dangerous


def test_only_members_export(personas):
    with pytest.raises(PermissionDenied):
        export_inventory(actor=personas.outsider, organization=personas.org, register=None, fmt="xlsx")


def test_a_csv_export_needs_one_register(personas):
    with pytest.raises(ValidationError, match="one register"):
        export_inventory(actor=personas.viewer, organization=personas.org, register=None, fmt="csv")


def test_a_template_has_the_headers_and_explains_each_column():
    data = import_template("datasets")
    assert sheet_rows(data, "Datasets") == [tuple(sheet_rows(data, "Datasets")[0])]
    explained = {row[0]: row for row in sheet_rows(data, "Columns")[1:]}
    assert explained["category"][1] == "yes"
    assert "A.4.3" in explained["category"][2]
