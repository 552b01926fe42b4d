import csv
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from aims.interchange import parsers
from aims.interchange.tabular import (
    Column,
    FileRejected,
    parse_rows,
    read_table,
    safe_cell,
    write_csv,
    write_xlsx,
)

COLUMNS = [
    Column("reference", "Your identifier", required=True),
    Column("name", "Name", required=True),
    Column("in_scope", "yes or no", parse=parsers.boolean),
    Column("next_review_on", "YYYY-MM-DD", parse=parsers.iso_date),
    Column("stage", "stage", parse=parsers.choice([("design", "Design"), ("deployment", "Deployment")])),
]
LIMIT = 1_000_000


def xlsx(rows):
    workbook = Workbook()
    sheet = workbook.worksheets[0]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_reads_an_xlsx_and_parses_each_cell():
    data = xlsx(
        [["reference", "name", "in_scope", "stage"], ["AIS-1", "Scorer", "yes", "Deployment"], [None] * 4]
    )
    parsed = parse_rows(read_table(data, "systems.xlsx", max_bytes=LIMIT), COLUMNS)
    assert parsed.errors == []
    assert parsed.rows == [
        (2, {"reference": "AIS-1", "name": "Scorer", "in_scope": True, "stage": "deployment"})
    ]


def test_reads_a_csv_with_bom_and_semicolons():
    data = "\ufeffreference;name;next_review_on\nAIS-2;Bot;2027-01-31\n".encode()
    parsed = parse_rows(read_table(data, "systems.csv", max_bytes=LIMIT), COLUMNS)
    assert parsed.rows[0][1]["next_review_on"].isoformat() == "2027-01-31"


def test_missing_and_unknown_columns_are_reported_against_the_header():
    data = b"reference,colour\nA,blue\n"
    parsed = parse_rows(read_table(data, "x.csv", max_bytes=LIMIT), COLUMNS)
    assert {(e.column, e.message) for e in parsed.errors} == {
        ("name", "this required column is missing"),
        ("colour", "unknown column"),
    }


def test_bad_values_are_reported_row_by_row():
    data = b"reference,name,in_scope,stage,next_review_on\nA,,perhaps,flying,31/01/2027\n"
    parsed = parse_rows(read_table(data, "x.csv", max_bytes=LIMIT), COLUMNS)
    messages = {(e.row, e.column): e.message for e in parsed.errors}
    assert messages[(2, "name")] == "a value is required"
    assert "not yes or no" in messages[(2, "in_scope")]
    assert "not one of: design, deployment" in messages[(2, "stage")]
    assert "YYYY-MM-DD" in messages[(2, "next_review_on")]


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(FileRejected, match="limit"):
        read_table(b"reference\n" + b"A\n" * 100, "x.csv", max_bytes=50)


def test_a_renamed_non_spreadsheet_is_refused():
    with pytest.raises(FileRejected, match="not an Excel workbook"):
        read_table(b"%PDF-1.7 not a workbook", "inventory.xlsx", max_bytes=LIMIT)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "a zip, not a workbook")
    with pytest.raises(FileRejected, match="not an Excel workbook"):
        read_table(buffer.getvalue(), "inventory.xlsx", max_bytes=LIMIT)
    with pytest.raises(FileRejected, match="not a text"):
        read_table(xlsx([["reference"]]), "inventory.csv", max_bytes=LIMIT)
    with pytest.raises(FileRejected, match=r"\.xlsx or \.csv"):
        read_table(b"reference\n", "inventory.txt", max_bytes=LIMIT)


def test_non_utf8_csv_is_refused_with_advice():
    with pytest.raises(FileRejected, match="UTF-8"):
        read_table("reference\nSyst\xe8me\n".encode("latin-1"), "x.csv", max_bytes=LIMIT)


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"])
def test_exports_neutralise_formulas(dangerous):
    assert safe_cell(dangerous) == "'" + dangerous
    workbook = load_workbook(io.BytesIO(write_xlsx(COLUMNS[:2], [["A", dangerous]])))
    cell = workbook["Data"]["B2"]
    assert cell.data_type == "s"
    assert cell.value == "'" + dangerous
    exported = write_csv(COLUMNS[:2], [["A", dangerous]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(exported)))[1] == ["A", "'" + dangerous]


def test_exported_xlsx_explains_its_columns():
    workbook = load_workbook(io.BytesIO(write_xlsx(COLUMNS, [])))
    rows = list(workbook["Columns"].iter_rows(values_only=True))
    assert rows[0] == ("column", "required", "what to put in it", "example")
    assert ("reference", "yes", "Your identifier", None) in rows
