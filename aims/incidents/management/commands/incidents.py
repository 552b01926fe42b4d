"""`aims incidents list [--overdue]` and `aims incidents show INC-0001`: AI incidents from the command line,
read with the same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown incident or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.incidents import queries
from aims.incidents.models import Incident
from aims.incidents.schemas import CommunicationOut, IncidentOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "title", "ai_systems", "severity", "status", "what_happened", "harm", "detected_on",
    "detected_how", "became_aware_at", "containment", "owner", "is_serious", "serious_kind", "deadline",
    "reported_to_authority_at", "authority",
)  # fmt: skip


def _deadline_text(row: Incident) -> str:
    if not row.is_serious:
        return "not serious"
    if row.reported_to_authority_at is not None:
        return "reported" + (" late" if row.reported_late else "")
    if row.is_overdue:
        return "REPORT OVERDUE"
    return f"report within {row.countdown}"


class Command(TyperCommand):
    help = "AI incidents: list them, show one."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """AI incidents: list them, show one."""

    @command(name="list")
    def list_incidents(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str, typer.Option(help="Only this status: open, contained, resolved, closed.")
        ] = "",
        overdue: Annotated[
            bool, typer.Option("--overdue", help="Only serious incidents not reported past their deadline.")
        ] = False,
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the incidents, newest first."""
        organization = member_organization(org, user)
        if status and status not in Incident.Status.values:
            raise usage(f"Unknown status {status!r}.")
        wanted = queries.IncidentFilter(status=status, overdue=overdue)
        rows = list(queries.incidents_for(organization, wanted).select_related("organization")[:limit])
        if output_format is OutputFormat.JSON:
            data = [IncidentOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No incidents.")
        for row in rows:
            self.stdout.write(
                f"{row.reference:<9} {row.severity:<8} {row.status:<9} {_deadline_text(row):<24} {row.title}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The incident's reference, such as INC-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one incident with its communication log."""
        organization = member_organization(org, user)
        found = (
            Incident.objects.filter(organization=organization, reference__iexact=reference.strip())
            .select_related("organization", "owner")
            .prefetch_related("ai_systems")
            .first()
        )
        if found is None:
            raise usage(f"No incident {reference!r} in {organization.name}.")
        data = IncidentOut.from_orm(found).model_dump(mode="json")
        log = [CommunicationOut.from_orm(c).model_dump(mode="json") for c in queries.communications(found)]
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps({**data, "communications": log}, indent=2, ensure_ascii=False))
            return
        for name in SHOWN:
            value = data[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<26} {'-' if shown in (None, '') else shown}"
            )
        self.stdout.write(f"{'Reporting':<26} {_deadline_text(found)}")
        self.stdout.write(f"Communications ({len(log)}):")
        for c in log:
            self.stdout.write(
                f"  {c['sent_at'][:16]} {c['audience']:<16} {c['recipient'] or '-'}: {c['message']}"
            )
