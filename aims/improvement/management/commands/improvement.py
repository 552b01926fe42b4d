"""`aims improvement list [--status] [--overdue]`, `aims improvement show NC-0001` and
`aims improvement opportunities`: nonconformities and improvement opportunities from the command line, read
with the same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown record or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.improvement import queries
from aims.improvement.models import ImprovementOpportunity, Nonconformity
from aims.improvement.schemas import NonconformityOut, NonconformitySummaryOut, OpportunityOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "title", "grade", "status", "source", "source_reference", "incident", "requirement",
    "description", "owner", "raised_on", "due_on", "closed_on", "correction", "corrected_on", "cause_method",
    "root_cause", "similar_elsewhere", "aims_changes",
)  # fmt: skip
Limit = Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")]


def _dump(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


class Command(TyperCommand):
    help = "Nonconformities and improvement opportunities: list them, show one."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Nonconformities and improvement opportunities: list them, show one."""

    @command(name="list")
    def list_nonconformities(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str, typer.Option(help="Only this status: open, action, verification, closed.")
        ] = "",
        overdue: Annotated[
            bool, typer.Option("--overdue", help="Only those not closed and past their due date.")
        ] = False,
        limit: Limit = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the nonconformities, newest first."""
        organization = member_organization(org, user)
        if status and status not in Nonconformity.Status.values:
            raise usage(f"Unknown status {status!r}.")
        wanted = queries.NonconformityFilter(status=status, overdue=overdue)
        rows = list(queries.nonconformities_for(organization, wanted).select_related("organization")[:limit])
        if output_format is OutputFormat.JSON:
            self.stdout.write(
                _dump([NonconformitySummaryOut.from_orm(r).model_dump(mode="json") for r in rows])
            )
            return
        if not rows:
            self.stdout.write("No nonconformities.")
        for row in rows:
            due = row.due_on.isoformat() if row.due_on else "-"
            late = " OVERDUE" if row.is_overdue else ""
            self.stdout.write(
                f"{row.reference:<8} {row.grade:<6} {row.status:<13} due {due:<10}{late:<8} {row.title}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The nonconformity's reference, such as NC-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one nonconformity with its corrective actions and verifications."""
        organization = member_organization(org, user)
        found = Nonconformity.objects.filter(
            organization=organization, reference__iexact=reference.strip()
        ).first()
        if found is None:
            raise usage(f"No nonconformity {reference!r} in {organization.name}.")
        data = NonconformityOut.from_orm(queries.in_full(found.pk)).model_dump(mode="json")
        if output_format is OutputFormat.JSON:
            self.stdout.write(_dump(data))
            return
        for name in SHOWN:
            value = data[name]
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<20} {'-' if value in (None, '') else value}"
            )
        for n, step in enumerate(data["cause_steps"], start=1):
            self.stdout.write(f"  Why {n}: {step['why']} Because: {step['because']}")
        self.stdout.write(f"Corrective actions ({len(data['actions'])}):")
        for a in data["actions"]:
            self.stdout.write(f"  {a['status']:<9} due {a['due_on']} {a['owner'] or '-'}: {a['description']}")
        self.stdout.write(f"Verifications ({len(data['checks'])}):")
        for c in data["checks"]:
            self.stdout.write(
                f"  round {c['round']} {c['outcome']} {c['checked_on']} {c['verified_by'] or '-'}"
            )

    @command()
    def opportunities(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str, typer.Option(help="Only this status: proposed, accepted, in_progress, done, declined.")
        ] = "",
        limit: Limit = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the improvement opportunities, newest first."""
        organization = member_organization(org, user)
        if status and status not in ImprovementOpportunity.Status.values:
            raise usage(f"Unknown status {status!r}.")
        wanted = queries.OpportunityFilter(status=status)
        rows = list(queries.opportunities_for(organization, wanted).select_related("organization")[:limit])
        if output_format is OutputFormat.JSON:
            self.stdout.write(_dump([OpportunityOut.from_orm(r).model_dump(mode="json") for r in rows]))
            return
        if not rows:
            self.stdout.write("No improvement opportunities.")
        for row in rows:
            self.stdout.write(f"{row.reference:<9} {row.status:<12} {row.source:<11} {row.title}")
