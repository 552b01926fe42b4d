"""Workbooks and CSV files built to hurt the reader, made on the fly (nothing binary is kept in the repo).

Each one reproduces an attack from the hardening issue or one of its kind: small on the wire, enormous once
read.
"""

from __future__ import annotations

import functools
import io
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(cells: dict[str, str]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "AI systems"
    for reference, value in cells.items():
        sheet[reference] = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _replace_part(data: bytes, name: str, content: bytes, *, extra: dict[str, bytes] | None = None) -> bytes:
    """The same workbook with one part's content replaced (and parts added), deflated at the highest level."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry.filename, content if entry.filename == name else source.read(entry))
        for extra_name, extra_content in (extra or {}).items():
            target.writestr(extra_name, extra_content)
    return out.getvalue()


def corner_cell() -> bytes:
    """A header in A1 and one cell at XFD1048576, the sheet's far corner: a reader that builds the grid
    allocates 17 billion cells (about 512 GB). Under 5 KB."""
    return _workbook({"A1": "reference", "XFD1048576": "x"})


def cells_without_references() -> bytes:
    """The same grid, but the far row's cells carry no ``r`` reference, so only their position says where
    they stand: what a scan of references cannot see, and the reader's memory limit must stop."""
    row = b"".join(b'<c t="inlineStr"><is><t>x</t></is></c>' for _ in range(200))
    sheet = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>reference</t></is></c></row>'
        b'<row r="1048576">' + row + b"</row></sheetData></worksheet>"
    )
    return _replace_part(_workbook({"A1": "reference"}), SHEET, sheet)


@functools.cache
def deflate_bomb() -> bytes:
    """About 400 KB on the wire, 400 MB unpacked: one part of a single repeated byte."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(_workbook({"A1": "reference"}))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry.filename, source.read(entry))
        with target.open("xl/sharedStrings.xml", "w") as part:
            block = b"a" * (1 << 20)
            for _ in range(400):
                part.write(block)
    return out.getvalue()


def entity_expansion() -> bytes:
    """A worksheet that declares nested entities (the "billion laughs")."""
    sheet = (
        b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row></sheetData></worksheet>'
    )
    return _replace_part(_workbook({"A1": "reference"}), SHEET, sheet)


def csv_with_a_huge_cell() -> bytes:
    """One cell of 200,000 characters, past the CSV reader's field limit."""
    return b"reference,name,purpose\r\nAIS-001," + b"x" * 200_000 + b",Scores.\r\n"
