"""The SoA as a workbook: a cover sheet with the document's facts, and one row per control."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from aims.controls.exports import COLUMNS, TITLE, SoADocument, row_of
from aims.interchange.tabular import safe_cell

WIDTHS = (10, 40, 30, 11, 50, 40, 20, 22, 50, 45)


def _cover(sheet: Worksheet, document: SoADocument) -> None:
    sheet.title = "Cover"
    sheet.append([safe_cell(f"{TITLE} — {document.organization}")])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    for label, value in document.facts():
        sheet.append([label, safe_cell(value)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True)
    if document.is_draft:
        sheet.append([])
        sheet.append(["DRAFT", "This statement is not approved; do not rely on it as the approved SoA."])
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80


def _controls(sheet: Worksheet, document: SoADocument) -> None:
    sheet.append(list(COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry in document.entries:
        sheet.append([safe_cell(value) for value in row_of(entry, document.evidence.get(entry["ref"], ""))])
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"


def write(document: SoADocument) -> bytes:
    workbook = Workbook()
    cover = workbook.active
    assert cover is not None
    _cover(cover, document)
    _controls(workbook.create_sheet("Controls"), document)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
