"""`aims impact list` and `aims impact show IA-0001`: impact assessments from the command line, read with the
same queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown assessment or bad options.
"""

from __future__ import annotations

import json
from typing import Annotated

import typer
from django_typer.management import TyperCommand, command, initialize

from aims.impact_assessments import queries
from aims.impact_assessments.models import ImpactAssessment
from aims.impact_assessments.schemas import AssessmentOut, ItemOut
from aims.organizations.models import Organization
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "ai_system", "trigger", "state", "decision", "intended_use", "foreseeable_misuse",
    "affected_individuals", "affected_groups", "affected_vulnerable", "affected_society", "mitigations",
    "conclusion", "author", "approved_by", "approved_at", "retain_until", "next_assessment_on",
)  # fmt: skip


def _filter(organization: Organization, ai_system: str, state: str, due: bool) -> queries.AssessmentFilter:
    if state and state not in ImpactAssessment.State.values:
        raise usage(f"Unknown state {state!r}.")
    system_id = None
    if ai_system:
        system = organization.ai_systems.filter(reference__iexact=ai_system).first()
        if system is None:
            raise usage(f"No AI system {ai_system!r} in {organization.name}.")
        system_id = system.pk
    return queries.AssessmentFilter(ai_system_id=system_id, state=state, due=due)


class Command(TyperCommand):
    help = "AI system impact assessments: list them, show one."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """AI system impact assessments: list them, show one."""

    @command(name="list")
    def list_assessments(
        self,
        org: OrgOption,
        user: UserOption,
        ai_system: Annotated[str, typer.Option("--ai-system", help="Only this AI system's reference.")] = "",
        state: Annotated[str, typer.Option(help="Only this state: draft, in_review, approved.")] = "",
        due: Annotated[
            bool, typer.Option("--due", help="Only those whose next assessment is overdue.")
        ] = False,
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 200,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the assessments, newest first."""
        organization = member_organization(org, user)
        wanted = _filter(organization, ai_system, state, due)
        rows = list(queries.assessments_for(organization, wanted).select_related("organization")[:limit])
        queries.with_item_counts(rows)
        if output_format is OutputFormat.JSON:
            data = [AssessmentOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No impact assessments.")
        for row in rows:
            next_on = row.next_assessment_on.isoformat() if row.next_assessment_on else "-"
            negatives = row.negative_count  # type: ignore[attr-defined]
            self.stdout.write(
                f"{row.reference:<9} {row.ai_system.reference:<10} {row.state:<10} "
                f"{row.decision or '-':<15} next {next_on}  {negatives} negative impacts"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The assessment's reference, such as IA-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one assessment with its impacts."""
        organization = member_organization(org, user)
        found = (
            ImpactAssessment.objects.filter(organization=organization, reference__iexact=reference.strip())
            .select_related("organization", "ai_system", "author", "approved_by")
            .first()
        )
        if found is None:
            raise usage(f"No impact assessment {reference!r} in {organization.name}.")
        data = AssessmentOut.from_orm(found).model_dump(mode="json")
        items = [
            ItemOut.from_orm(item).model_dump(mode="json") for item in found.items.select_related("risk")
        ]
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps({**data, "items": items}, indent=2, ensure_ascii=False))
            return
        for name in SHOWN:
            value = data[name]
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<22} {'-' if value in (None, '') else value}"
            )
        self.stdout.write(f"Impacts ({len(items)}):")
        for item in items:
            risk = f" [{item['risk']}]" if item["risk"] else ""
            self.stdout.write(
                f"  {item['effect']:<8} {item['dimension']:<14} severity {item['severity']} "
                f"likelihood {item['likelihood']}{risk} {item['description']}"
            )
