"""`aims reviews list`, `aims reviews show MR-0001`, `aims reviews inputs --from --to` and
`aims reviews minutes MR-0001 --output f.pdf`: management reviews from the command line, read with the same
queries (and the same membership check) as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown review or bad options.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from django.utils import timezone
from django_typer.management import TyperCommand, command, initialize

from aims.organizations.models import Organization
from aims.reviews import queries
from aims.reviews.inputs import compile_inputs
from aims.reviews.minutes_pdf import minutes_pdf
from aims.reviews.models import ManagementReview
from aims.reviews.registry import Period, ReviewSection
from aims.reviews.schemas import ActionOut, AttendeeOut, DecisionOut, ReviewOut, SectionOut
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

DateOption = Annotated[str, typer.Option(metavar="YYYY-MM-DD")]


def _day(text: str, name: str) -> Any:
    try:
        return datetime.strptime(text.strip(), "%Y-%m-%d").date()
    except ValueError:
        raise usage(f"{name} must be a date as YYYY-MM-DD, not {text!r}.") from None


def _review(organization: Organization, reference: str) -> ManagementReview:
    found = (
        ManagementReview.objects.filter(organization=organization, reference__iexact=reference.strip())
        .select_related("organization", "chair", "minutes_approved_by")
        .first()
    )
    if found is None:
        raise usage(f"No management review {reference!r} in {organization.name}.")
    return found


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str)


class Command(TyperCommand):
    help = "Management reviews: list them, show one, compile inputs, print the minutes."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Management reviews: list them, show one, compile inputs, print the minutes."""

    def _sections(self, sections: list[ReviewSection], notes: dict[str, str]) -> None:
        for section in sections:
            self.stdout.write(f"\n== {section.clause} {section.title}")
            for label, value in section.figures:
                self.stdout.write(f"  {label:<44} {value}")
            for row in section.rows:
                self.stdout.write(f"  - {row.reference:<10} {row.status:<18} {row.title} ({row.note})")
            if not section.figures and not section.rows:
                self.stdout.write(f"  {section.empty}")
            if notes.get(section.key):
                self.stdout.write(f"  Discussion: {notes[section.key]}")

    @command(name="list")
    def list_reviews(
        self,
        org: OrgOption,
        user: UserOption,
        status: Annotated[
            str, typer.Option(help="Only this status: planned, held, approved, cancelled.")
        ] = "",
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the management reviews, newest first."""
        organization = member_organization(org, user)
        if status and status not in ManagementReview.Status.values:
            raise usage(f"Unknown status {status!r}.")
        rows = list(queries.reviews_for(organization, status).select_related("minutes_approved_by")[:500])
        if output_format is OutputFormat.JSON:
            self.stdout.write(_dump([ReviewOut.from_orm(r).model_dump(mode="json") for r in rows]))
            return
        if not rows:
            self.stdout.write("No management reviews.")
        for r in rows:
            self.stdout.write(
                f"{r.reference:<8} {r.planned_on.isoformat()} {r.get_status_display():<17} "
                f"{r.period_start.isoformat()}..{r.period_end.isoformat()} {r.title}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The review's reference, such as MR-0001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one review: attendees, inputs (frozen once held), notes, decisions and actions."""
        organization = member_organization(org, user)
        data = queries.minutes(_review(organization, reference))
        notes = {item.section.key: item.notes for item in data.agenda}
        if output_format is OutputFormat.JSON:
            self.stdout.write(_dump({
                **ReviewOut.from_orm(data.review).model_dump(mode="json"),
                "attendees": [AttendeeOut.from_orm(a).model_dump(mode="json") for a in data.attendees],
                "inputs": [SectionOut.of(i.section, i.notes) for i in data.agenda],
                "decisions": [DecisionOut.from_orm(d).model_dump(mode="json") for d in data.decisions],
                "actions": [ActionOut.from_orm(a).model_dump(mode="json") for a in data.actions],
            }))  # fmt: skip
            return
        review = data.review
        self.stdout.write(f"{review.reference} {review.title} ({review.get_status_display()})")
        self.stdout.write(f"Period {review.period_start.isoformat()} to {review.period_end.isoformat()}")
        if review.is_frozen:
            verified = "verifies" if queries.inputs_verified(review) else "DOES NOT VERIFY"
            self.stdout.write(f"Inputs frozen, SHA-256 {review.inputs_sha256} ({verified})")
        self.stdout.write(f"Attendees ({len(data.attendees)}):")
        for a in data.attendees:
            top = " [top management]" if a.is_top_management else ""
            self.stdout.write(f"  {a.display_name}{top}: {a.get_attendance_display()}")
        self._sections([item.section for item in data.agenda], notes)
        self.stdout.write(f"\nDecisions ({len(data.decisions)}):")
        for d in data.decisions:
            self.stdout.write(f"  D{d.number} [{d.get_kind_display()}] {d.text}")
        self.stdout.write(f"Actions ({len(data.actions)}):")
        for act in data.actions:
            owner = act.owner.display_name if act.owner else "-"
            due = act.due_on.isoformat() if act.due_on else "-"
            self.stdout.write(
                f"  {act.reference} {act.get_status_display():<9} due {due} {owner}: {act.description}"
            )

    @command()
    def inputs(
        self,
        org: OrgOption,
        user: UserOption,
        start: Annotated[str, typer.Option("--from", metavar="YYYY-MM-DD", help="First day of the period.")],
        end: Annotated[str, typer.Option("--to", metavar="YYYY-MM-DD", help="Last day of the period.")],
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Compile the management review inputs for a period, as a review would."""
        organization = member_organization(org, user)
        period = Period(start=_day(start, "--from"), end=_day(end, "--to"))
        if period.start > period.end:
            raise usage("--to must be on or after --from.")
        sections = compile_inputs(organization, period)
        if output_format is OutputFormat.JSON:
            self.stdout.write(_dump([SectionOut.of(section) for section in sections]))
            return
        self.stdout.write(f"Inputs for {organization.name}, {period.start} to {period.end}")
        self._sections(sections, {})

    @command()
    def minutes(
        self,
        reference: Annotated[str, typer.Argument(help="The review's reference, such as MR-0001.")],
        org: OrgOption,
        user: UserOption,
        output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the PDF.")],
    ) -> None:
        """Write the minutes of a review as a PDF."""
        organization = member_organization(org, user)
        data = queries.minutes(_review(organization, reference))
        output.write_bytes(minutes_pdf(data))
        self.stdout.write(f"Wrote {output} ({timezone.localdate().isoformat()}).")
