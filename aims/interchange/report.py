"""What an import did, or would have done: counts per register and every row error."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aims.interchange.tabular import RowError


@dataclass
class SheetReport:
    register: str
    sheet: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "register": self.register,
            "sheet": self.sheet,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [error_dict(error) for error in self.errors],
        }


@dataclass
class ImportReport:
    filename: str
    sha256: str
    sheets: list[SheetReport] = field(default_factory=list)
    # Errors about the file as a whole (its size, type, sheets), before any row is read.
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not any(sheet.errors for sheet in self.sheets)

    @property
    def error_count(self) -> int:
        return len(self.errors) + sum(len(sheet.errors) for sheet in self.sheets)

    def counts(self) -> dict[str, dict[str, int]]:
        return {
            sheet.register: {
                "created": sheet.created,
                "updated": sheet.updated,
                "unchanged": sheet.unchanged,
            }
            for sheet in self.sheets
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "sha256": self.sha256,
            "ok": self.ok,
            "errors": [error_dict(error) for error in self.errors],
            "sheets": [sheet.as_dict() for sheet in self.sheets],
        }

    def lines(self) -> list[str]:
        """The report as lines of text, for the command line."""
        lines = [f"file: {error.message}" for error in self.errors]
        for sheet in self.sheets:
            lines += [f"{sheet.sheet}, {error}" for error in sheet.errors]
        return lines

    def summary(self) -> str:
        parts = [
            f"{sheet.sheet}: {sheet.created} created, {sheet.updated} updated, {sheet.unchanged} unchanged"
            for sheet in self.sheets
        ]
        return "; ".join(parts) or "nothing to import"


def error_dict(error: RowError) -> dict[str, Any]:
    return {"row": error.row, "column": error.column, "message": error.message}


class ImportRejected(Exception):
    """The file was not imported: nothing was written. The report says why, row by row."""

    def __init__(self, report: ImportReport) -> None:
        count = report.error_count
        super().__init__(f"The file was not imported: {count} error{'' if count == 1 else 's'}.")
        self.report = report
        self.message = str(self)
