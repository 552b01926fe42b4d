"""Input and output shapes of /api/v1/inventory.

`register` is spelled `register_name` in Python (pydantic reserves the name) and `register` on the wire."""

from __future__ import annotations

from typing import Literal

from ninja import Field, Schema

from aims.interchange.registers import REGISTERS

RegisterName = Literal["ai_systems", "ai_models", "datasets", "suppliers"]
assert set(RegisterName.__args__) == set(REGISTERS)  # type: ignore[attr-defined]

REGISTER_HELP = (
    "The register the file holds: ai_systems, ai_models, datasets or suppliers. Leave it out for an XLSX "
    "workbook whose sheets are named AI systems, Models, Datasets and Suppliers."
)


class ImportParams(Schema):
    organization: str = Field(..., max_length=60, description="The slug of the organisation to import into.")
    register_name: RegisterName | None = Field(None, alias="register", description=REGISTER_HELP)


class ExportParams(Schema):
    organization: str = Field(..., max_length=60, description="The slug of the organisation to export.")
    register_name: RegisterName | None = Field(
        None,
        alias="register",
        description="One register, or (XLSX only) leave it out for every register as sheets.",
    )
    format: Literal["xlsx", "csv"] = Field("xlsx", description="xlsx or csv (a CSV holds one register).")


class TemplateParams(Schema):
    register_name: RegisterName | None = Field(
        None, alias="register", description="One register, or every register as sheets."
    )


class RowErrorOut(Schema):
    row: int = Field(description="The spreadsheet's row number (the header is row 1; 0 for the file).")
    column: str
    message: str


class SheetReportOut(Schema):
    register_name: str = Field(alias="register")
    sheet: str
    created: int
    updated: int
    unchanged: int
    errors: list[RowErrorOut]


class ImportReportOut(Schema):
    filename: str
    sha256: str
    ok: bool
    errors: list[RowErrorOut] = Field(description="Errors about the file as a whole.")
    sheets: list[SheetReportOut]


class RejectedBody(Schema):
    code: str
    message: str
    report: ImportReportOut


class RejectedOut(Schema):
    error: RejectedBody
