"""Reading a workbook's cells in a child process with its own memory and time limits.

The reader (calamine, in Rust) is fast, but a workbook built to make it allocate more than the machine has
makes Rust abort the whole process: under a web server, every request that worker was serving. So nothing
of an uploaded workbook is unpacked or parsed in the server's own process. A child process first sets its
own address-space and CPU-time limits, then measures the archive as it would expand (``aims.lib.xlsx_bounds``:
parts unpacked, each sheet's grid) and refuses it with a plain reason when it is too large, and only then
reads it. What the measuring cannot foresee (a format the reader falls back to, a quirk of its XML reader)
meets the limits: the worst a workbook can do is end the child, and the caller gets ``SheetUnreadable``.

Run as ``python -m aims.lib.sheet_reader MEMORY_BYTES SECONDS EXPANDED_BYTES CELLS`` with the workbook on
standard input; it writes the sheets as ``marshal`` data (sheet name → rows of cell text) on standard output,
or, with a non-zero status, the reason on standard error.
"""

from __future__ import annotations

import io
import marshal
import subprocess
import sys
import zipfile
import zlib
from typing import Any

from aims.lib.xlsx_bounds import Bounds, WorkbookRefused, check_workbook

READER_FAILED = 2
REFUSED = 3
# What the standard library raises for an archive that is damaged, encrypted, or compressed with a method it
# does not read.
DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, RuntimeError, NotImplementedError, EOFError, zlib.error)


class SheetUnreadable(Exception):
    """The workbook could not be read; the message says why, for the person who sent it."""


def read_sheets_isolated(
    data: bytes, *, bounds: Bounds, memory_bytes: int, seconds: int
) -> dict[str, list[list[str]]]:
    """Every sheet's rows as text, read by a child process that may use at most ``memory_bytes`` of address
    space and ``seconds`` of CPU time, and refuses a workbook that would expand past ``bounds``."""
    limits = [memory_bytes, seconds, bounds.expanded_bytes, bounds.cells]
    try:
        child = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
            [sys.executable, "-m", "aims.lib.sheet_reader", *map(str, limits)],
            input=data,
            capture_output=True,
            timeout=seconds * 2 + 10,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise SheetUnreadable(f"The workbook took longer than {seconds} seconds to read.") from None
    if child.returncode == 0:
        sheets: dict[str, list[list[str]]] = marshal.loads(child.stdout)  # noqa: S302 - from our own child
        return sheets
    reason = child.stderr.decode("utf-8", "replace").strip().splitlines()
    if child.returncode == REFUSED and reason:
        raise SheetUnreadable(reason[-1])
    if child.returncode == READER_FAILED:
        raise SheetUnreadable(f"The workbook cannot be read: {reason[-1] if reason else 'unknown error'}")
    raise SheetUnreadable(
        f"The workbook needs more than the {memory_bytes // 2**20:,} MB of memory or {seconds} seconds "
        "allowed for reading it; save it again without unused rows and columns, or split it."
    )


def cell_text(value: Any) -> str:
    """A cell's value as the text an import parses: whole numbers without ``.0``, dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return str(value.isoformat())[:10] if getattr(value, "hour", 0) == 0 else str(value.isoformat())
    return str(value)


def _read(data: bytes, bounds: Bounds) -> dict[str, list[list[str]]]:
    from python_calamine import CalamineWorkbook

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_workbook(archive, bounds)
    except DAMAGED:
        raise ValueError("the file is damaged or encrypted.") from None
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {
        name: [[cell_text(value) for value in row] for row in workbook.get_sheet_by_name(name).to_python()]
        for name in workbook.sheet_names
    }


def _limit(memory_bytes: int, seconds: int) -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))


def main(argv: list[str]) -> int:
    memory_bytes, seconds, expanded_bytes, cells = map(int, argv)
    _limit(memory_bytes, seconds)
    data = sys.stdin.buffer.read()
    try:
        sheets = _read(data, Bounds(expanded_bytes=expanded_bytes, cells=cells))
    except WorkbookRefused as exc:
        sys.stderr.write(f"{exc}\n")
        return REFUSED
    except MemoryError:
        raise  # ends the child with a non-zero status: the caller reports the limit
    except Exception as exc:  # calamine raises several kinds for a damaged workbook
        sys.stderr.write(f"{exc}\n")
        return READER_FAILED
    sys.stdout.buffer.write(marshal.dumps(sheets))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
