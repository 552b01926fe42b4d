"""Every malformed file is rejected with a clear report, and nothing at all is written."""

import io
import zipfile

import pytest
from django.test import override_settings

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.components.models import AIModel
from aims.interchange.report import ImportRejected
from aims.interchange.tests.inventory_files import (
    MODEL_HEADERS,
    SYSTEM_HEADERS,
    SYSTEM_ROWS,
    csv_file,
    run_import,
    systems_csv,
    xlsx,
)
from aims.third_parties.models import ThirdParty


def a_zip_that_is_not_a_workbook():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    return buffer.getvalue()


CASES = {
    "missing column": (
        csv_file([["reference", "name"], ["AIS-001", "Scorer"]]),
        "systems.csv",
        "ai_systems",
        (1, "purpose", "this required column is missing"),
    ),
    "unknown column": (
        csv_file([[*SYSTEM_HEADERS, "colour"], [*SYSTEM_ROWS[0], "blue"]]),
        "systems.csv",
        "ai_systems",
        (1, "colour", "unknown column"),
    ),
    "bad value": (
        systems_csv(["AIS-001", "Scorer", "Score.", "flying", "", "", "yes"]),
        "systems.csv",
        "ai_systems",
        (2, "lifecycle_stage", "“flying” is not one of"),
    ),
    "duplicate key": (
        systems_csv(SYSTEM_ROWS[0], SYSTEM_ROWS[1], SYSTEM_ROWS[0]),
        "systems.csv",
        "ai_systems",
        (4, "reference", "AIS-001 is also on row 2"),
    ),
    "text over its length": (
        systems_csv(["AIS-001", "x" * 201, "Score.", "", "", "", ""]),
        "systems.csv",
        "ai_systems",
        (2, "name", "at most 200 characters"),
    ),
    "renamed PDF": (b"%PDF-1.7 ...", "inventory.xlsx", None, (0, "", "not an Excel workbook")),
    "renamed zip": (a_zip_that_is_not_a_workbook(), "inventory.xlsx", None, (0, "", "not an Excel workbook")),
    "workbook renamed csv": (
        xlsx({"AI systems": [SYSTEM_HEADERS]}), "x.csv", "ai_systems", (0, "", "not a text")
    ),
    "not a spreadsheet at all": (b"hello", "inventory.txt", None, (0, "", "Upload an .xlsx or .csv file")),
    "csv without a register": (systems_csv(), "systems.csv", None, (0, "", "Say which register")),
    "unknown sheet": (
        xlsx({"AI systems": [SYSTEM_HEADERS, *SYSTEM_ROWS], "Notes": [["anything"]]}),
        "inventory.xlsx",
        None,
        (0, "", "Unknown sheet Notes"),
    ),
    "empty file": (b"", "systems.csv", "ai_systems", (0, "", "The file is empty")),
}  # fmt: skip


def counts(organization):
    return (
        AISystem.objects.count(),
        AIModel.objects.count(),
        ThirdParty.objects.count(),
        AuditEvent.objects.filter(verb="inventory.imported").count(),
    )


@pytest.mark.parametrize("case", CASES)
def test_a_malformed_file_is_rejected_with_a_clear_report_and_nothing_written(personas, case):
    data, filename, register, (row, column, message) = CASES[case]
    before = counts(personas.org)
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, data, filename, register)
    report = rejected.value.report
    errors = report.errors + [error for sheet in report.sheets for error in sheet.errors]
    assert any((e.row, e.column) == (row, column) and message in e.message for e in errors), [
        str(e) for e in errors
    ]
    assert not report.ok
    assert counts(personas.org) == before


@override_settings(AIMS_MAX_IMPORT_BYTES=100)
def test_a_file_over_the_size_limit_is_rejected(personas):
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, systems_csv(), "systems.csv", "ai_systems")
    assert "the limit is 100" in rejected.value.report.errors[0].message
    assert counts(personas.org) == (0, 0, 0, 0)


def test_one_bad_sheet_rejects_the_good_ones_too(personas):
    data = xlsx(
        {
            "AI systems": [SYSTEM_HEADERS, *SYSTEM_ROWS],
            "Models": [MODEL_HEADERS, ["MOD-001", "Scorer", "quantum", "", "AIS-001"]],
        }
    )
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, data, "inventory.xlsx")
    systems, models = rejected.value.report.sheets
    assert (systems.errors, systems.created) == ([], 2)
    assert [(e.row, e.column) for e in models.errors] == [(2, "model_type")]
    assert counts(personas.org) == (0, 0, 0, 0)


def test_every_row_error_is_reported_not_only_the_first(personas):
    data = systems_csv(
        ["AIS-001", "", "Score.", "", "", "", ""],
        ["AIS-002", "Bot", "Chat.", "", "nobody@acme.test", "wizard", "perhaps"],
    )
    with pytest.raises(ImportRejected) as rejected:
        run_import(personas.manager, personas.org, data, "systems.csv", "ai_systems")
    found = {(e.row, e.column) for e in rejected.value.report.sheets[0].errors}
    assert found == {(2, "name"), (3, "ai_roles"), (3, "in_scope")}
