"""The workbook bounds measure what a workbook would expand to, exactly at their limits, and leave honest
workbooks alone."""

import io
import zipfile

import pytest

from aims.interchange.tests import hostile_files
from aims.interchange.tests.inventory_files import xlsx
from aims.lib.sheet_reader import SheetUnreadable, read_sheets_isolated
from aims.lib.xlsx_bounds import Bounds, WorkbookRefused, check_workbook

ROOMY = Bounds(expanded_bytes=50_000_000, cells=1_000_000)


def check(data, bounds=ROOMY):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        check_workbook(archive, bounds)


def grid(rows, columns):
    return xlsx({"Data": [[f"r{r}c{c}" for c in range(columns)] for r in range(rows)]})


def test_a_sheet_exactly_at_the_cell_limit_passes_and_one_row_more_is_refused():
    check(grid(10, 20), Bounds(expanded_bytes=50_000_000, cells=200))
    with pytest.raises(WorkbookRefused, match=r"11 rows by 20 columns \(from A1 to T11\): 220 cells"):
        check(grid(11, 20), Bounds(expanded_bytes=50_000_000, cells=200))


def test_the_grid_is_measured_from_the_first_used_cell_not_from_a1():
    data = xlsx({"Data": [[None] * 5 + ["x"]] * 1})  # a single cell at F1
    check(data, Bounds(expanded_bytes=50_000_000, cells=1))


def test_columns_past_z_are_ordered_by_value_not_by_spelling():
    workbook = xlsx({"Data": [["x"] * 30]})  # A … AD: "AD" sorts before "Z" as text
    with pytest.raises(WorkbookRefused, match="1 rows by 30 columns"):
        check(workbook, Bounds(expanded_bytes=50_000_000, cells=29))


def test_the_unpacked_size_is_counted_as_the_bytes_come_out():
    data = grid(50, 20)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(entry.file_size for entry in archive.infolist())
    check(data, Bounds(expanded_bytes=unpacked, cells=1_000))
    with pytest.raises(WorkbookRefused, match="expands to more than"):
        check(data, Bounds(expanded_bytes=unpacked - 1, cells=1_000))


def test_a_corner_cell_is_refused_before_any_reader_runs():
    with pytest.raises(WorkbookRefused, match="17,179,869,184 cells"):
        check(hostile_files.corner_cell())


def test_an_archive_of_too_many_parts_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(11):
            archive.writestr(f"part{number}.xml", "<x/>")
    with pytest.raises(WorkbookRefused, match="11 parts; the limit is 10"):
        check(buffer.getvalue(), Bounds(expanded_bytes=1_000, cells=1, parts=10))


def test_the_isolated_reader_returns_every_sheet_as_text():
    data = xlsx({"One": [["a", 1, 2.5], ["b", None, True]], "Two": [["x"]]})
    sheets = read_sheets_isolated(data, bounds=ROOMY, memory_bytes=512 * 2**20, seconds=30)
    assert sheets == {"One": [["a", "1", "2.5"], ["b", "", "True"]], "Two": [["x"]]}


def test_the_isolated_reader_ends_within_its_memory_limit_instead_of_ending_the_server():
    with pytest.raises(SheetUnreadable, match="needs more than the 512 MB of memory"):
        read_sheets_isolated(
            hostile_files.cells_without_references(), bounds=ROOMY, memory_bytes=512 * 2**20, seconds=30
        )


def test_a_damaged_archive_is_reported_by_the_reader():
    data = bytearray(xlsx({"One": [["a"]]}))
    data[60:80] = b"\0" * 20  # inside the first part's compressed data
    with pytest.raises(SheetUnreadable, match="cannot be read"):
        read_sheets_isolated(bytes(data), bounds=ROOMY, memory_bytes=512 * 2**20, seconds=30)
