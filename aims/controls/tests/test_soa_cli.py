import io
import json

import docx
import openpyxl
import pytest
from django.core.management import CommandError, call_command

from aims.controls import actions

from .conftest import decide_all, exclude


def run(*args):
    out = io.StringIO()
    call_command("soa", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def approved(personas, controls):
    decide_all(personas, controls)
    exclude(personas, controls["A.2.4"], why="Group policy review covers it")
    return actions.approve_soa(actor=personas.manager, organization=personas.org)


def test_aims_soa_export_writes_a_version_as_xlsx(approved, tmp_path):
    path = tmp_path / "soa.xlsx"
    out = run("export", "--org", "acme", "--format", "xlsx", "--version", 1, "--output", path)
    assert f"to {path}" in out
    book = openpyxl.load_workbook(path)
    assert ("Version", "Version 1") in list(book["Cover"].iter_rows(values_only=True))
    rows = list(book["Controls"].iter_rows(values_only=True))
    assert len(rows) == 39
    assert next(row for row in rows if row[0] == "A.2.4")[5] == "Group policy review covers it"


def test_aims_soa_export_writes_the_draft_as_docx(personas, controls, tmp_path):
    path = tmp_path / "draft.docx"
    run("export", "--org", "acme", "--format", "docx", "--output", path)
    facts = {row.cells[0].text: row.cells[1].text for row in docx.Document(str(path)).tables[0].rows}
    assert facts["Version"] == "DRAFT (not approved)"


def test_aims_soa_show_prints_the_statement(approved):
    out = run("show", "--org", "acme", "--version", 1)
    assert "Approved by: Manager" in out
    assert "A.2 Policies related to AI" in out
    assert "A.2.4     No" in out
    data = json.loads(run("show", "--org", "acme", "--json"))
    assert data["facts"]["Version"] == "DRAFT (not approved)"
    assert len(data["controls"]) == 38


def test_unknown_organisation_version_or_format_exit_2(approved, tmp_path):
    for args in (
        ("show", "--org", "nope"),
        ("show", "--org", "acme", "--version", 9),
        ("export", "--org", "acme", "--format", "odt", "--output", tmp_path / "x"),
    ):
        with pytest.raises(CommandError) as caught:
            run(*args)
        assert caught.value.returncode == 2
