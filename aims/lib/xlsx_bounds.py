"""What an XLSX would expand to, measured before any spreadsheet library reads it.

An XLSX is a zip of XML parts. Its size on the wire says little about what reading it costs: a deflated part
can expand a thousandfold, and a single cell written at the far corner of a sheet (``XFD1048576``) makes a
reader that builds the sheet as a dense grid allocate every cell in between (about 512 GB for one cell and a
header). ``check_workbook`` walks the archive with the standard library, decompressing each part in bounded
chunks, and scans every worksheet's XML for the cells it places, so that a workbook is refused, with a reason
a person can act on, before the real reader sees it.

Nothing here trusts what the archive declares: decompressed sizes are counted as the bytes come out, and cell
positions are taken from each cell's ``r`` reference in the XML. The scan is a linear search, not an XML
parser, so that it costs about two seconds on the largest workbook an import takes (100,000 rows by 20
columns). What it cannot see (cells written without a reference, a sheet hidden behind leading junk) is left
to the second wall: the reader runs in a child process with its own memory limit (``aims.lib.sheet_reader``).
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

CHUNK = 1 << 20
HEAD = 4096  # where a worksheet's root element, or a document type declaration, would stand
CARRY = 4096  # the longest tag carried over from one chunk to the next
# A cell's start tag with its reference: <c r="B7" …> (any namespace prefix). The attribute run is bounded so
# that the search stays linear whatever the bytes.
_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]{0,32}:)?c\s[^>]{0,512}?\br\s*=\s*[\"']\$?([A-Z]{1,3})\$?([0-9]{1,7})[\"']"
)
_WORKSHEET = re.compile(rb"<(?:[A-Za-z_][\w.-]{0,32}:)?worksheet[\s>]")
_DECLARATION = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
MAX_SHEET_ROWS = 1_048_576
MAX_SHEET_COLUMNS = 16_384


class WorkbookRefused(Exception):
    """The workbook would expand past a bound, or is built to mislead a reader; the message says which, in
    words for the person who sent it."""


@dataclass(frozen=True)
class Bounds:
    """How far a workbook may expand when read.

    ``expanded_bytes``: all its parts decompressed, together. ``cells``: the grid of one sheet, from its first
    to its last used row and column, as a reader builds it. ``parts``: entries in the archive.
    """

    expanded_bytes: int
    cells: int
    parts: int = 1_000


@dataclass
class _Extent:
    first_row: int = MAX_SHEET_ROWS
    last_row: int = -1
    first_column: int = MAX_SHEET_COLUMNS
    last_column: int = -1

    def add(self, references: list[tuple[bytes, bytes]]) -> None:
        """Widen to ``(letters, digits)`` references; only the outermost are converted, for speed."""
        rows, columns = [row for _, row in references], [letters for letters, _ in references]
        self.first_row = min(self.first_row, int(min(rows, key=_magnitude)) - 1)
        self.last_row = max(self.last_row, int(max(rows, key=_magnitude)) - 1)
        self.first_column = min(self.first_column, _column(min(columns, key=_magnitude)))
        self.last_column = max(self.last_column, _column(max(columns, key=_magnitude)))

    @property
    def cells(self) -> int:
        if self.last_row < 0:
            return 0
        return (self.last_row - self.first_row + 1) * (self.last_column - self.first_column + 1)


def check_workbook(archive: zipfile.ZipFile, bounds: Bounds) -> None:
    """Raise WorkbookRefused when reading ``archive`` would go past ``bounds``; return when it would not."""
    entries = archive.infolist()
    if len(entries) > bounds.parts:
        raise WorkbookRefused(f"The workbook holds {len(entries):,} parts; the limit is {bounds.parts:,}.")
    budget = _Budget(bounds.expanded_bytes)
    for entry in entries:
        if not entry.is_dir():
            with archive.open(entry) as stream:
                _check_part(budget.read(stream, entry.filename), bounds)


class _Budget:
    """Counts decompressed bytes across the whole archive, as they come out."""

    def __init__(self, limit: int) -> None:
        self.limit, self.used = limit, 0

    def read(self, stream: IO[bytes], name: str) -> Iterator[bytes]:
        while chunk := stream.read(CHUNK):
            self.used += len(chunk)
            if self.used > self.limit:
                raise WorkbookRefused(
                    f"The workbook expands to more than {self.limit // 1_000_000:,} MB when unpacked "
                    f"(reached in “{name}”); save it again without unused rows and columns, or split it."
                )
            yield chunk


def _check_part(chunks: Iterator[bytes], bounds: Bounds) -> None:
    """Every part is unpacked (against the budget) and looked at, whatever its name: a worksheet may be
    stored under any name. A worksheet's cells are measured as they come."""
    first = next(chunks, b"")
    head = first[:HEAD]
    if _DECLARATION.search(head):
        # No spreadsheet program writes one; entities are how XML is made to expand.
        raise WorkbookRefused("The workbook cannot be read: it declares XML entities or a document type.")
    if not _WORKSHEET.search(head):
        for _ in chunks:
            pass
        return
    extent, tail = _Extent(), b""
    for chunk in itertools.chain([first], chunks):
        text = tail + chunk
        cut = text.rfind(b"<")  # a tag cut in two by the chunk's end is read with the next chunk
        text, tail = (text[:cut], text[cut:]) if cut >= 0 and len(text) - cut <= CARRY else (text, b"")
        references = _CELL.findall(text)
        if references:
            extent.add(references)
    if extent.cells > bounds.cells:
        raise WorkbookRefused(
            f"A sheet spans {extent.last_row - extent.first_row + 1:,} rows by "
            f"{extent.last_column - extent.first_column + 1:,} columns "
            f"(from {_reference(extent.first_row, extent.first_column)} to "
            f"{_reference(extent.last_row, extent.last_column)}): {extent.cells:,} cells, and the limit is "
            f"{bounds.cells:,}. Delete what lies outside the table and save it again."
        )


def _magnitude(text: bytes) -> tuple[int, bytes]:
    """Orders column letters (``Z`` < ``AA``) and digits without leading zeros as their values order."""
    text = text.lstrip(b"0") if text[:1].isdigit() else text
    return len(text), text


def _column(letters: bytes) -> int:
    """``b"AB"`` → 27, zero-based; a column past the sheet's edge is refused."""
    column = 0
    for letter in letters:
        column = column * 26 + letter - 64
    if column > MAX_SHEET_COLUMNS:
        raise WorkbookRefused(
            f"The workbook cannot be read: column {letters.decode()} lies outside any sheet."
        )
    return column - 1


def _reference(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return f"{letters}{row + 1}"
