"""The exports read as documents: opened by their own libraries, facts on top, one row per control."""

import io

import docx
import openpyxl
import pypdf
import pytest

from aims.controls import actions, exports
from aims.controls.actions import ReasonInput
from aims.lib.pdf_text import latin1

from .conftest import decide_all, exclude


@pytest.fixture
def approved(personas, controls, obligation):
    decide_all(personas, controls)
    exclude(personas, controls["A.6.2.5"], why="We deploy no models — vendors do")
    actions.set_applicability(
        actor=personas.contributor,
        control=controls["A.8.5"],
        decision="included",
        reasons=[
            ReasonInput(kind="legal_regulatory", obligations=(obligation,), note="Deployers must inform")
        ],
    )
    actions.update_implementation(
        actor=personas.contributor,
        control=controls["A.2.2"],
        changes={
            "implementation_status": "implemented",
            "owner": personas.manager,
            "implementation": "=SUM(1)",
        },
    )
    return actions.approve_soa(actor=personas.manager, organization=personas.org)


def test_xlsx_has_a_cover_and_one_row_per_control(approved):
    content, content_type, name = exports.render(exports.document_for_version(approved), "xlsx")
    assert name == "soa-version-1.xlsx"
    assert content_type.endswith("spreadsheetml.sheet")
    book = openpyxl.load_workbook(io.BytesIO(content))
    cover = {row[0]: row[1] for row in book["Cover"].iter_rows(min_row=3, values_only=True) if row[0]}
    assert cover["Organisation"] == "Acme AI"
    assert cover["Version"] == "Version 1"
    assert cover["Approved by"] == "Manager"
    assert cover["Approval date"] == approved.approved_at.date().isoformat()
    rows = list(book["Controls"].iter_rows(values_only=True))
    assert rows[0][:4] == ("ID", "Control", "Control group", "Included?")
    assert len(rows) == 1 + 38
    by_ref = {row[0]: row for row in rows[1:]}
    assert by_ref["A.6.2.5"][3] == "No"
    assert by_ref["A.6.2.5"][5] == "We deploy no models — vendors do"
    assert by_ref["A.8.5"][4] == (
        "Legal or regulatory requirement: OBL-001 Duties of deployers (EU AI Act Art. 26)"
        " — Deployers must inform"
    )
    assert by_ref["A.2.2"][2] == "A.2 Policies related to AI"
    assert by_ref["A.2.2"][6:9] == ("Implemented", "Manager", "'=SUM(1)")


def test_the_draft_export_is_marked_draft(personas, controls):
    content, _, name = exports.render(exports.document_for_draft(personas.org), "xlsx")
    assert name == "soa-draft.xlsx"
    cover = openpyxl.load_workbook(io.BytesIO(content))["Cover"]
    values = [cell for row in cover.iter_rows(values_only=True) for cell in row if cell]
    assert "DRAFT (not approved)" in values
    assert "DRAFT" in values


def test_docx_has_a_title_page_and_a_table_per_group(approved):
    content, _, name = exports.render(exports.document_for_version(approved), "docx")
    assert name == "soa-version-1.docx"
    document = docx.Document(io.BytesIO(content))
    facts = {row.cells[0].text: row.cells[1].text for row in document.tables[0].rows}
    assert facts["Organisation"] == "Acme AI"
    assert facts["Version"] == "Version 1"
    assert facts["Approved by"] == "Manager"
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings[0] == "A.2 Policies related to AI"
    assert len(headings) == 9
    group_tables = document.tables[1:]
    assert sum(len(table.rows) - 1 for table in group_tables) == 38
    assert group_tables[0].rows[0].cells[0].text == "ID"
    cells = [[cell.text for cell in row.cells] for table in group_tables for row in table.rows]
    excluded = next(row for row in cells if row[0] == "A.6.2.5")
    assert excluded[2:4] == ["No", ""]
    assert excluded[4] == "We deploy no models — vendors do"


def test_pdf_has_the_facts_on_top_all_controls_and_page_numbers(approved):
    content, content_type, _ = exports.render(exports.document_for_version(approved), "pdf")
    assert content_type == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(content))
    pages = [page.extract_text() for page in reader.pages]
    assert "Acme AI" in pages[0]
    assert "Version 1" in pages[0]
    assert "Manager" in pages[0]
    assert approved.approved_at.date().isoformat() in pages[0]
    total = len(pages)
    assert total >= 2
    assert all(f"Page {n} of {total}" in text for n, text in enumerate(pages, start=1))
    text = "\n".join(pages)
    for ref in ("A.2.2", "A.6.2.5", "A.10.4"):
        assert ref in text
    assert "We deploy no models - vendors do" in text
    assert sum(text.count(header) for header in ("Implementation status",)) >= total - 1  # header repeats


def test_pdf_text_is_made_latin1_without_losing_accents():
    assert latin1("Café “quoted” — ok … 中") == 'Café "quoted" - ok ... ?'


def test_an_unknown_format_is_refused(personas, controls):
    with pytest.raises(ValueError, match="xlsx, docx, pdf"):
        exports.render(exports.document_for_draft(personas.org), "odt")
