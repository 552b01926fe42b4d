"""Spreadsheets for the inventory import tests, built in memory."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook, load_workbook

from aims.accounts.models import User
from aims.interchange.actions import import_inventory
from aims.interchange.report import ImportReport
from aims.organizations.models import Organization

Rows = Sequence[Sequence[Any]]

SYSTEM_HEADERS = ["reference", "name", "purpose", "lifecycle_stage", "owner", "ai_roles", "in_scope"]
SYSTEM_ROWS = [
    ["AIS-001", "Credit scoring", "Decide on loans.", "design_development", "manager@acme.test", "provider",
     "yes"],
    ["AIS-002", "Support chatbot", "Answer customers.", "inception", "", "customer, provider", "no"],
]  # fmt: skip
MODEL_HEADERS = ["reference", "name", "model_type", "version", "ai_systems"]
MODEL_ROWS = [
    ["MOD-001", "Scoring GBM", "classical_ml", "2.1", "AIS-001"],
    ["MOD-002", "Hosted LLM", "foundation", "", "AIS-002, AIS-001"],
]
DATASET_HEADERS = [
    "reference",
    "name",
    "category",
    "contains_personal_data",
    "special_categories",
    "ai_systems",
]
DATASET_ROWS = [
    ["DS-001", "Loan book", "training", "yes", "", "AIS-001"],
    ["DS-002", "Chat transcripts", "production", "yes", "health", "AIS-002"],
]
SUPPLIER_HEADERS = ["reference", "name", "kind", "categories", "website"]
SUPPLIER_ROWS = [
    ["SUP-001", "Example LLM Inc.", "supplier", "model_provider, cloud", "https://llm.example.com"],
    ["SUP-002", "Data Brokers Ltd", "both", "data_supplier", ""],
]


def xlsx(sheets: dict[str, Rows]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_file(rows: Rows) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode()


def inventory_workbook() -> bytes:
    return xlsx(
        {
            "Suppliers": [SUPPLIER_HEADERS, *SUPPLIER_ROWS],
            "Models": [MODEL_HEADERS, *MODEL_ROWS],
            "Datasets": [DATASET_HEADERS, *DATASET_ROWS],
            "AI systems": [SYSTEM_HEADERS, *SYSTEM_ROWS],
        }
    )


def systems_csv(*rows: Sequence[Any], headers: Sequence[str] = SYSTEM_HEADERS) -> bytes:
    return csv_file([headers, *(rows or SYSTEM_ROWS)])


def run_import(
    actor: User, organization: Organization, data: bytes, filename: str, register: str | None = None
) -> ImportReport:
    return import_inventory(
        actor=actor, organization=organization, data=data, filename=filename, register=register
    )


def sheet_rows(data: bytes, sheet: str) -> list[tuple[Any, ...]]:
    return list(load_workbook(io.BytesIO(data))[sheet].iter_rows(values_only=True))


def csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
