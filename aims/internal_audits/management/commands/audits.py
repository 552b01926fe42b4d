"""`aims audits list`, `aims audits show AUD-0001`, `aims audits checklist AUD-0001` and
`aims audits report AUD-0001 --output file.pdf`: internal audits from the command line, read with the same
queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown audit or bad options.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.internal_audits import queries, report
from aims.internal_audits.models import InternalAudit
from aims.internal_audits.schemas import AuditOut, ItemOut
from aims.organizations.models import Organization
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

Reference = Annotated[str, typer.Argument(help="The audit's reference, such as AUD-0001.")]


def _audit(organization: Organization, reference: str) -> InternalAudit:
    records = InternalAudit.objects.filter(organization=organization, reference__iexact=reference.strip())
    found = queries.with_relations(records).first()
    if found is None:
        raise usage(f"No audit {reference!r} in {organization.name}.")
    return found


class Command(TyperCommand):
    help = "Internal audits: list them, show one, its checklist, its report."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Internal audits: list them, show one, its checklist, its report."""

    @command(name="list")
    def list_audits(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str, typer.Option(help="Only this status: planned, in_progress, reported, closed, cancelled.")
        ] = "",
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the audits, newest first."""
        organization = member_organization(org, user)
        if status and status not in InternalAudit.Status.values:
            raise usage(f"Unknown status {status!r}.")
        rows = list(queries.audits_for(organization, queries.AuditFilter(status=status))[:limit])
        if output_format is OutputFormat.JSON:
            data = [AuditOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No audits.")
        for row in rows:
            dates = f"{row.planned_start:%Y-%m-%d}..{row.planned_end:%Y-%m-%d}"
            self.stdout.write(f"{row.reference:<9} {row.status:<12} {dates:<22} {row.title}")

    @command()
    def show(
        self,
        reference: Reference,
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one audit: scope, team, dates, status and the results counted."""
        audit = _audit(member_organization(org, user), reference)
        data = AuditOut.from_orm(audit).model_dump(mode="json")
        counts = {label: n for _v, label, n in queries.result_counts(queries.checklist(audit))}
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps({**data, "results": counts}, indent=2, ensure_ascii=False))
            return
        for name in (
            "reference",
            "title",
            "status",
            "scope_items",
            "ai_systems",
            "criteria",
            "lead_auditor",
            "team",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "reported_on",
            "conclusion",
        ):
            value = data[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<16} {'-' if shown in (None, '') else shown}"
            )
        for label, n in counts.items():
            self.stdout.write(f"  {label:<30} {n}")

    @command()
    def checklist(
        self,
        reference: Reference,
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """The audit's checklist in catalogue order, with each result."""
        audit = _audit(member_organization(org, user), reference)
        items = queries.checklist(audit)
        if output_format is OutputFormat.JSON:
            data = [ItemOut.from_orm(item).model_dump(mode="json") for item in items]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not items:
            self.stdout.write("No checklist yet.")
        for item in items:
            nc = f" {item.nonconformity.reference}" if item.nonconformity else ""
            self.stdout.write(f"{item.ref:<9} {item.result:<13} {item.title}{nc}")

    @command(name="report")
    def report_pdf(
        self,
        reference: Reference,
        org: OrgOption,
        user: UserOption,
        output: Annotated[Path, typer.Option("--output", help="Where to write the PDF.")],
    ) -> None:
        """Write the audit report PDF (a draft until the audit is reported)."""
        audit = _audit(member_organization(org, user), reference)
        found = report.audit_report(audit)
        try:
            output.write_bytes(report.audit_report_pdf(found))
        except OSError as exc:
            raise usage(f"Cannot write {output}: {exc.strerror}.") from exc
        draft = " (draft)" if found.is_draft else ""
        self.stdout.write(f"Wrote the report of {audit.reference}{draft} to {output}.")
