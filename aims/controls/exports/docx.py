"""The SoA as a Word document (python-docx): a title page with the document's facts, then a table per
control group whose header row repeats on every page."""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table

from aims.controls.exports import COLUMNS, TITLE, SoADocument, row_of

# XML 1.0 forbids most control characters; python-docx would raise on them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
GROUP_COLUMNS = tuple(name for name in COLUMNS if name != "Control group")


def _text(value: str) -> str:
    return _UNPRINTABLE.sub("", value)


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _landscape(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))


def _title_page(document: Any, soa: SoADocument) -> None:
    document.add_heading(TITLE, level=0)
    if soa.is_draft:
        document.add_paragraph().add_run("DRAFT - NOT APPROVED").bold = True
    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in soa.facts():
        cells = facts.add_row().cells
        cells[0].paragraphs[0].add_run(label).bold = True
        cells[1].text = _text(value)
    document.add_page_break()


def _group_table(
    document: Any, heading: str, entries: list[dict[str, Any]], evidence: dict[str, str]
) -> None:
    document.add_heading(_text(heading), level=1)
    table = document.add_table(rows=1, cols=len(GROUP_COLUMNS))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, GROUP_COLUMNS, strict=True):
        cell.paragraphs[0].add_run(name).bold = True
    _repeat_header(table)
    for entry in entries:
        values = row_of(entry, evidence.get(entry["ref"], ""))
        del values[2]  # the group is the heading
        for cell, value in zip(table.add_row().cells, values, strict=True):
            cell.text = _text(value)


def write(soa: SoADocument) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(8)
    _landscape(document)
    document.core_properties.title = f"{TITLE} - {soa.organization} - {soa.version}"
    document.core_properties.author = soa.organization
    _title_page(document, soa)
    for heading, entries in soa.groups():
        _group_table(document, heading, entries, soa.evidence)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
