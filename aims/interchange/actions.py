"""Importing the AI system inventory from spreadsheets, and exporting it to them.

`import_inventory` validates every row of every sheet before it writes anything, then writes all of it in
one transaction with one audit event; any error rejects the whole file. Rows are matched to records by
their reference, so importing a file again updates what it imported rather than duplicating it.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.interchange.registers import BY_SHEET, REGISTERS, ImportContext, Plan, Progress, Register
from aims.interchange.registers.base import no_progress
from aims.interchange.report import ImportRejected, ImportReport, SheetReport
from aims.interchange.tabular import (
    FileRejected,
    RowError,
    Sheet,
    Table,
    parse_rows,
    read_sheets,
    write_csv,
    write_workbook,
    write_xlsx,
)
from aims.organizations import permissions

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization

DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024
FORMATS = ("xlsx", "csv")
# Sheets a workbook may hold besides the registers' (the explanations our templates and exports add).
IGNORED_SHEETS = frozenset({"columns"})
ORDER = list(REGISTERS)


def max_import_bytes() -> int:
    return int(getattr(settings, "AIMS_MAX_IMPORT_BYTES", DEFAULT_MAX_IMPORT_BYTES))


def check_upload_size(size: int, filename: str) -> None:
    """Refuse an upload over the limit before it is read (the doors call this with the upload's size)."""
    limit = max_import_bytes()
    if size > limit:
        report = ImportReport(filename=filename, sha256="")
        report.errors.append(RowError(0, "", f"The file is {size:,} bytes; the limit is {limit:,}."))
        raise ImportRejected(report)


def register_named(name: str) -> Register:
    register = REGISTERS.get(name)
    if register is None:
        raise ValidationError({"register": f"{name!r} is not a register; choose {', '.join(REGISTERS)}."})
    return register


def import_inventory(
    *,
    actor: User,
    organization: Organization,
    data: bytes,
    filename: str,
    register: str | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a spreadsheet into the registers, all or nothing; ImportRejected (nothing written) on any
    error. A workbook whose sheets are named after registers imports them all, AI systems first; a CSV,
    or any file with `register` given, imports that one register."""
    if not permissions.can_edit_records(actor, organization):
        raise PermissionDenied("Only owners, managers and contributors can import into the inventory.")
    report = ImportReport(filename=filename, sha256=hashlib.sha256(data).hexdigest())
    try:
        sheets = _sheets_to_import(data, filename, register)
    except FileRejected as exc:
        report.errors.append(RowError(0, "", exc.message))
        raise ImportRejected(report) from None
    context = ImportContext(organization, actor, filename, progress or no_progress)
    plans = [_plan(register, table, context, report) for register, table in sheets]
    if not report.ok:
        raise ImportRejected(report)
    try:
        _write(plans, context, report)
    except IntegrityError:
        report.errors.append(
            RowError(0, "", "The registers changed while the file was being imported; import it again.")
        )
        raise ImportRejected(report) from None
    return report


def _plan(register: Register, table: Table, context: ImportContext, report: ImportReport) -> Plan:
    plan = register.plan(parse_rows(table, register.columns), context)
    report.sheets.append(
        SheetReport(
            register=register.name,
            sheet=register.sheet,
            created=len(plan.creates),
            updated=len(plan.updates),
            unchanged=plan.unchanged,
            errors=sorted(plan.errors, key=lambda error: error.row),
        )
    )
    return plan


@transaction.atomic
def _write(plans: list[Plan], context: ImportContext, report: ImportReport) -> None:
    total = sum(len(plan.creates) + len(plan.updates) for plan in plans)
    done = 0
    for plan in plans:
        plan.register.write(plan, context)
        done += len(plan.creates) + len(plan.updates)
        context.progress(f"Saved {plan.register.sheet}", done, total)
    record(
        actor=context.actor,
        verb="inventory.imported",
        organization=context.organization,
        data={"file": report.filename, "sha256": report.sha256, "registers": report.counts()},
    )


def _sheets_to_import(data: bytes, filename: str, register: str | None) -> list[tuple[Register, Table]]:
    tables = read_sheets(data, filename, max_bytes=max_import_bytes())
    if register:
        chosen = REGISTERS.get(register)
        if chosen is None:
            raise FileRejected(f"“{register}” is not a register; choose {', '.join(REGISTERS)}.")
        by_name = {name.lower(): table for name, table in tables.items()}
        return [(chosen, by_name.get(chosen.sheet.lower(), next(iter(tables.values()))))]
    named = [(BY_SHEET[name.lower()], table) for name, table in tables.items() if name.lower() in BY_SHEET]
    if not named:
        raise FileRejected(
            "Say which register the file holds, or name the workbook's sheets after the registers: "
            + ", ".join(r.sheet for r in REGISTERS.values())
            + "."
        )
    unknown = [
        name
        for name, table in tables.items()
        if name.lower() not in BY_SHEET and name.lower() not in IGNORED_SHEETS and table.headers
    ]
    if unknown:
        raise FileRejected(
            f"Unknown sheet{'s' if len(unknown) > 1 else ''} {', '.join(unknown)}: name each sheet after "
            f"its register ({', '.join(r.sheet for r in REGISTERS.values())}) or remove it."
        )
    return sorted(named, key=lambda pair: ORDER.index(pair[0].name))


def _check_can_view(actor: User, organization: Organization) -> None:
    if not permissions.can_view_organization(actor, organization):
        raise PermissionDenied("Only members of the organisation can export its inventory.")


def export_inventory(*, actor: User, organization: Organization, register: str | None, fmt: str) -> bytes:
    """One register as XLSX or CSV, or (register None) every register as the sheets of one workbook.

    Cells that a spreadsheet would run as formulas are neutralised."""
    _check_can_view(actor, organization)
    if fmt not in FORMATS:
        raise ValidationError({"format": f"Choose xlsx or csv, not {fmt!r}."})
    if register is None:
        if fmt == "csv":
            raise ValidationError({"register": "A CSV file holds one register: choose which."})
        return write_workbook(
            [
                Sheet(chosen.sheet, chosen.columns, chosen.export_rows(chosen.queryset(organization)))
                for chosen in REGISTERS.values()
            ]
        )
    chosen = register_named(register)
    rows = chosen.export_rows(chosen.queryset(organization))
    if fmt == "csv":
        return write_csv(chosen.columns, rows)
    return write_xlsx(chosen.columns, rows, sheet=chosen.sheet)


def import_template(register: str | None = None) -> bytes:
    """An empty XLSX to fill in: the register's headers (or every register's sheet) and a Columns sheet
    that explains each column."""
    if register is None:
        return write_workbook([Sheet(chosen.sheet, chosen.columns, []) for chosen in REGISTERS.values()])
    chosen = register_named(register)
    return write_xlsx(chosen.columns, [], sheet=chosen.sheet)


def export_filename(
    organization: Organization, register: str | None, fmt: str, *, template: bool = False
) -> str:
    what = register or "inventory"
    if template:
        return f"aims-{what}-template.xlsx"
    return f"{organization.slug}-{what}-{timezone.localdate().isoformat()}.{fmt}"
