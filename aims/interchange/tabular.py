"""Reading and writing spreadsheets (XLSX, CSV) for imports and exports, whatever the register.

Uploads are checked before anything is parsed: size, and type by content (an XLSX is a zip holding a
workbook; a CSV is UTF-8 text), so a renamed file of another kind is refused with a clear message.
Exports neutralise cells that a spreadsheet would run as a formula (CSV/formula injection).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from openpyxl import Workbook

from aims.lib.sheet_reader import SheetUnreadable, read_sheets_isolated
from aims.lib.xlsx_bounds import Bounds

MAX_ROWS = 100_000
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


class FileRejected(Exception):
    """The upload as a whole cannot be read; the message says why, for the person who sent it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Column:
    """One column of a register's spreadsheet: header, whether required, and how a cell becomes a value."""

    name: str
    help: str
    required: bool = False
    parse: Callable[[str], Any] = str
    example: str = ""


@dataclass(frozen=True)
class RowError:
    row: int  # the spreadsheet's own row number (the header is row 1)
    column: str
    message: str

    def __str__(self) -> str:
        where = f"row {self.row}" if self.row else "file"
        return f"{where}, {self.column}: {self.message}" if self.column else f"{where}: {self.message}"


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (row number, cells as text)


@dataclass
class ParsedRows:
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def detect_format(data: bytes, filename: str) -> str:
    """'xlsx' or 'csv', judged by content and checked against the file's extension."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in {"xlsx", "csv"}:
        raise FileRejected("Upload an .xlsx or .csv file.")
    looks_xlsx = data[:4] == b"PK\x03\x04" and _is_workbook(data)
    if extension == "xlsx" and not looks_xlsx:
        raise FileRejected("This file is called .xlsx but is not an Excel workbook.")
    if extension == "csv" and (looks_xlsx or b"\x00" in data[:65536]):
        raise FileRejected("This file is called .csv but is not a text (CSV) file.")
    return extension


def _is_workbook(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def read_table(data: bytes, filename: str, *, max_bytes: int) -> Table:
    """The first sheet (or the CSV) as a header and text rows; blank rows are skipped."""
    if len(data) > max_bytes:
        raise FileRejected(f"The file is {len(data):,} bytes; the limit is {max_bytes:,}.")
    if not data:
        raise FileRejected("The file is empty.")
    kind = detect_format(data, filename)
    return _table(_xlsx_rows(data) if kind == "xlsx" else _csv_rows(data))


def read_sheets(data: bytes, filename: str, *, max_bytes: int) -> dict[str, Table]:
    """Every sheet of an XLSX by name (a CSV is one sheet named ""), each as read_table reads one; an
    empty sheet has no headers and no rows."""
    if len(data) > max_bytes:
        raise FileRejected(f"The file is {len(data):,} bytes; the limit is {max_bytes:,}.")
    if not data:
        raise FileRejected("The file is empty.")
    if detect_format(data, filename) == "csv":
        return {"": _table(_csv_rows(data))}
    tables: dict[str, Table] = {}
    for title, rows in _read_workbook(data).items():
        try:
            tables[title] = _table(iter(rows), allow_empty=True)
        except FileRejected as exc:
            raise FileRejected(f"Sheet “{title}”: {exc.message}") from None
    return tables


def _table(raw: Iterator[list[str]], *, allow_empty: bool = False) -> Table:
    header = next(raw, None)
    if header is None and allow_empty:
        return Table(headers=[], rows=[])
    if header is None:
        raise FileRejected("The file has no header row.")
    headers = [cell.strip() for cell in header]
    while headers and not headers[-1]:  # formatting often leaves blank cells at the header's end
        headers.pop()
    rows: list[tuple[int, list[str]]] = []
    for number, cells in enumerate(raw, start=2):
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
        if len(rows) > MAX_ROWS:
            raise FileRejected(f"The file has more than {MAX_ROWS:,} rows; split it.")
    return Table(headers=headers, rows=rows)


def _read_workbook(data: bytes) -> dict[str, list[list[str]]]:
    """Every sheet's cells as text, read by calamine (Rust: ten times faster than openpyxl on large sheets,
    and its XML reader resolves no entities) in a child process that first measures what the workbook would
    expand to and reads it only within its own memory and time limits (``aims.lib.sheet_reader``)."""
    try:
        return read_sheets_isolated(
            data,
            bounds=Bounds(
                expanded_bytes=settings.AIMS_IMPORT_MAX_EXPANDED_BYTES, cells=settings.AIMS_IMPORT_MAX_CELLS
            ),
            memory_bytes=settings.AIMS_IMPORT_READER_MEMORY_MB * 1024 * 1024,
            seconds=settings.AIMS_IMPORT_READER_SECONDS,
        )
    except SheetUnreadable as exc:
        raise FileRejected(str(exc)) from None


def _xlsx_rows(data: bytes) -> Iterator[list[str]]:
    sheets = _read_workbook(data)
    return iter(next(iter(sheets.values()), []))


def _csv_rows(data: bytes) -> Iterator[list[str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileRejected("The CSV file is not UTF-8 text; save it as “CSV UTF-8”.") from None
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return _csv_records(csv.reader(io.StringIO(text), dialect))


def _csv_records(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The reader's rows; a row it cannot read (a cell over its 128 KB field limit) rejects the file."""
    try:
        yield from reader
    except csv.Error as exc:
        raise FileRejected(f"The CSV file cannot be read: {exc}.") from None


def check_headers(headers: Sequence[str], columns: Sequence[Column]) -> list[RowError]:
    known = {column.name for column in columns}
    errors = [
        RowError(1, column.name, "this required column is missing")
        for column in columns
        if column.required and column.name not in headers
    ]
    errors += [
        RowError(1, header or "(blank)", "unknown column") for header in headers if header not in known
    ]
    seen: set[str] = set()
    for header in headers:
        if header in seen:
            errors.append(RowError(1, header, "the column appears twice"))
        seen.add(header)
    return errors


def parse_rows(table: Table, columns: Sequence[Column]) -> ParsedRows:
    """Each row as {column: value}, with every cell's error; a missing optional column stays absent."""
    result = ParsedRows(errors=check_headers(table.headers, columns))
    if result.errors:
        return result
    by_name = {column.name: column for column in columns}
    for number, cells in table.rows:
        values: dict[str, Any] = {}
        for index, header in enumerate(table.headers):
            column, text = by_name[header], (cells[index] if index < len(cells) else "").strip()
            if not text:
                if column.required:
                    result.errors.append(RowError(number, header, "a value is required"))
                values[header] = None
                continue
            try:
                values[header] = column.parse(text)
            except (ValueError, TypeError) as exc:
                result.errors.append(RowError(number, header, str(exc) or "not a valid value"))
        result.rows.append((number, values))
    return result


def safe_cell(value: Any) -> Any:
    """A value as it may go into a spreadsheet: text that would start a formula is prefixed with '."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_xlsx(columns: Sequence[Column], rows: Iterable[Sequence[Any]], *, sheet: str = "Data") -> bytes:
    workbook = Workbook(write_only=True)
    data = workbook.create_sheet(sheet)
    data.append([column.name for column in columns])
    for row in rows:
        data.append([safe_cell(value) for value in row])
    help_sheet = workbook.create_sheet("Columns")
    help_sheet.append(["column", "required", "what to put in it", "example"])
    for column in columns:
        help_sheet.append(
            [column.name, "yes" if column.required else "", column.help, safe_cell(column.example)]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_csv(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([safe_cell("" if value is None else value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


@dataclass(frozen=True)
class Sheet:
    """One sheet of a workbook for `write_workbook`."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """Several registers in one workbook, each on its sheet, and a Columns sheet explaining them all."""
    workbook = Workbook(write_only=True)
    for sheet in sheets:
        data = workbook.create_sheet(sheet.name)
        data.append([column.name for column in sheet.columns])
        for row in sheet.rows:
            data.append([safe_cell(value) for value in row])
    help_sheet = workbook.create_sheet("Columns")
    help_sheet.append(["sheet", "column", "required", "what to put in it", "example"])
    for sheet in sheets:
        for column in sheet.columns:
            help_sheet.append(
                [
                    sheet.name,
                    column.name,
                    "yes" if column.required else "",
                    column.help,
                    safe_cell(column.example),
                ]
            )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
