"""`aims risks list`, `aims risks show RSK-0001` and `aims risks due`: the risk register from the command
line, read with the same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown risk or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.organizations.models import Organization
from aims.risks import queries
from aims.risks.models import Risk
from aims.risks.schemas import RiskOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "title", "kind", "status", "ai_system", "risk_source", "custom_source", "owner",
    "next_review_on", "description", "inherent", "treatment_option", "treatment_plan", "controls", "residual",
    "accepted_by", "acceptance_expires_on", "acceptance_rationale",
)  # fmt: skip


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return (
            f"{value['level_label']} (likelihood {value['likelihood']}, consequence {value['consequence']}, "
            f"criteria v{value['criteria_version']})"
        )
    if isinstance(value, list):
        return ", ".join(value) or "-"
    return "-" if value in (None, "") else str(value)


def _rows(records: Any, organization: Organization, limit: int) -> list[Risk]:
    return list(queries.with_details(records, organization)[:limit])


class Command(TyperCommand):
    help = "The AI risk register: list risks, show one, list those due for review."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The AI risk register: list risks, show one, list those due for review."""

    def _print(self, risks: list[Risk], output_format: OutputFormat) -> None:
        if output_format is OutputFormat.JSON:
            rows = [RiskOut.from_orm(risk).model_dump(mode="json") for risk in risks]
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        if not risks:
            self.stdout.write("No risks.")
        for risk in risks:
            system = risk.ai_system.reference if risk.ai_system else "(organisation)"
            levels = f"{risk.level_label or '-'} -> {risk.residual_level_label or '-'}"
            self.stdout.write(
                f"{risk.reference:<10} {risk.status:<10} {levels:<22} {system:<12} {risk.title}"
            )

    @command(name="list")
    def list_risks(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[str, typer.Option(help="open (default), all, or one status.")] = queries.OPEN,
        level: Annotated[str, typer.Option(help="Only this inherent level key, such as high.")] = "",
        ai_system: Annotated[str, typer.Option("--ai-system", help="Only this AI system's reference.")] = "",
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many risks.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the register's risks by reference."""
        organization = member_organization(org, user)
        if status not in {queries.OPEN, queries.ALL, *Risk.Status.values}:
            raise usage(f"Unknown status {status!r}.")
        system_id = None
        if ai_system:
            system = organization.ai_systems.filter(reference__iexact=ai_system).first()
            if system is None:
                raise usage(f"No AI system {ai_system!r} in {organization.name}.")
            system_id = system.pk
        wanted = queries.RiskFilter(status=status, level=level, ai_system_id=system_id)
        self._print(_rows(queries.risks_for(organization, wanted), organization, limit), output_format)

    @command()
    def due(
        self,
        org: OrgOption,
        user: UserOption,
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many risks.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List open risks due for review: past their review date, or their system changed since assessed."""
        organization = member_organization(org, user)
        self._print(
            _rows(queries.risks_for(organization, queries.RiskFilter(due=True)), organization, limit),
            output_format,
        )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The risk's reference, such as RSK-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one risk: description, ratings, treatment and acceptance."""
        organization = member_organization(org, user)
        found = _rows(
            Risk.objects.filter(organization=organization, reference__iexact=reference.strip()),
            organization,
            1,
        )
        if not found:
            raise usage(f"No risk {reference!r} in {organization.name}.")
        risk = found[0]
        if output_format is OutputFormat.JSON:
            self.stdout.write(
                json.dumps(RiskOut.from_orm(risk).model_dump(mode="json"), indent=2, ensure_ascii=False)
            )
            return
        data = RiskOut.from_orm(risk).model_dump(mode="json")
        for name in SHOWN:
            self.stdout.write(f"{name.replace('_', ' ').capitalize():<22} {_shown(data[name])}")
