"""`aims objectives list [--status active]` and `aims objectives show OBJ-001`: AI objectives from the command
line, read with the same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown objective or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.objectives import queries
from aims.objectives.models import Objective
from aims.objectives.schemas import ObjectiveOut, PlanItemOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "title", "status", "progress", "description", "serves_policy", "policy_statement", "annex_c",
    "owner", "metric", "manual_measure", "baseline", "target_value", "unit", "direction", "latest_value",
    "due_on", "evaluation", "outcome_note",
)  # fmt: skip


class Command(TyperCommand):
    help = "AI objectives: list them, show one with its plan."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """AI objectives: list them, show one with its plan."""

    @command(name="list")
    def list_objectives(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[str, typer.Option(help="Only this status: draft, active, achieved, …")] = "",
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the objectives with their progress."""
        organization = member_organization(org, user)
        if status and status not in Objective.Status.values:
            raise usage(f"Unknown status {status!r}.")
        found = queries.objectives_for(organization, queries.ObjectiveFilter(status=status))
        rows = list(found.select_related("organization").prefetch_related("annex_c"))
        data = [ObjectiveOut.from_orm(row).model_dump(mode="json") for row in rows]
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No objectives.")
        for row in data:
            self.stdout.write(
                f"{row['reference']:<8} {row['status']:<13} {row['progress'] or '-':<9} "
                f"{row['due_on'] or '-':<10} {row['title']}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The objective's reference, such as OBJ-001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one objective with its plan."""
        organization = member_organization(org, user)
        found = (
            Objective.objects.filter(organization=organization, reference__iexact=reference.strip())
            .select_related("organization", "owner", "metric")
            .prefetch_related("annex_c")
            .first()
        )
        if found is None:
            raise usage(f"No objective {reference!r} in {organization.name}.")
        data = ObjectiveOut.from_orm(found).model_dump(mode="json")
        steps = [PlanItemOut.from_orm(i).model_dump(mode="json") for i in queries.plan(found)]
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps({**data, "plan": steps}, indent=2, ensure_ascii=False))
            return
        for name in SHOWN:
            value = data[name]
            shown = ", ".join(value) if isinstance(value, list) else value
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<18} {'-' if shown in (None, '') else shown}"
            )
        self.stdout.write(f"Plan ({len(steps)}):")
        for s in steps:
            done = "done" if s["is_done"] else "open"
            self.stdout.write(
                f"  [{done}] {s['due_on'] or '-':<10} {s['responsible'] or '-':<24} {s['what']}"
            )
