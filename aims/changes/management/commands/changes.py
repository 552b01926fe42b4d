"""`aims changes list [--status approved]` and `aims changes show CHG-0001`: planned changes from the command
line, read with the same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown change or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.changes import queries
from aims.changes.api import fresh
from aims.changes.models import PlannedChange
from aims.changes.schemas import ChangeOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "title", "kind", "status", "ai_systems", "description", "purpose", "affected_processes",
    "risk_level", "risk_assessment", "resources", "planned_on", "requester", "decided_by", "decided_at",
    "decision_note", "implemented_on", "implementation_note", "marked_risks", "marked_assessments",
)  # fmt: skip


class Command(TyperCommand):
    help = "Planned changes: list them, show one."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Planned changes: list them, show one."""

    @command(name="list")
    def list_changes(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str,
            typer.Option(
                help="Only this status: draft, submitted, approved, rejected, implemented, cancelled."
            ),
        ] = "",
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the planned changes, newest first."""
        organization = member_organization(org, user)
        if status and status not in PlannedChange.Status.values:
            raise usage(f"Unknown status {status!r}.")
        rows = queries.changes_for(organization, queries.ChangeFilter(status=status))
        rows = rows.select_related("organization", "decided_by").prefetch_related(
            "marked_risks", "marked_assessments"
        )[:limit]
        if output_format is OutputFormat.JSON:
            data = [ChangeOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No planned changes.")
        for row in rows:
            planned = row.planned_on.isoformat() if row.planned_on else "-"
            self.stdout.write(
                f"{row.reference:<9} {row.status:<11} {row.risk_level:<6} {planned:<10} {row.title}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The change's reference, such as CHG-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one planned change, with what its approval marked for reassessment."""
        organization = member_organization(org, user)
        found = PlannedChange.objects.filter(
            organization=organization, reference__iexact=reference.strip()
        ).first()
        if found is None:
            raise usage(f"No planned change {reference!r} in {organization.name}.")
        data = ChangeOut.from_orm(fresh(found)).model_dump(mode="json")
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        for name in SHOWN:
            value = data[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<22} {'-' if shown in (None, '') else shown}"
            )
