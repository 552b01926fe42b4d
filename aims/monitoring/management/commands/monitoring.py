"""`aims monitoring list|show MET-001|record MET-001 --value 0.93|compute`: metrics from the command
line, read and written with the same queries and actions as the web pages and the API.

Exit status: 0 on success, 2 for an unknown organisation, a non-member, an unknown metric or bad options,
1 when an action refuses (role, validation, state).
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated

import typer
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django.utils import timezone
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.lib.errors import ActionError
from aims.monitoring import actions, queries
from aims.monitoring.computed import record_computed_measurements
from aims.monitoring.models import Metric
from aims.monitoring.schemas import MeasurementOut, MetricOut
from aims.monitoring.thresholds import plain
from aims.organizations.models import Organization
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage

SHOWN = (
    "reference", "name", "description", "method", "frequency", "owner", "unit", "direction", "warning_value",
    "breach_value", "ai_system", "source", "computed_key", "last_value", "last_measured_at", "last_level",
    "next_due_on",
)  # fmt: skip


def _metric(organization: Organization, reference: str) -> Metric:
    found = (
        Metric.objects.filter(organization=organization, reference__iexact=reference.strip())
        .select_related("organization", "owner", "ai_system")
        .with_filter_owner()
        .first()
    )
    if found is None:
        raise usage(f"No metric {reference!r} in {organization.name}.")
    return found


class Command(TyperCommand):
    help = "Metrics: list them, show one, record a value, compute the computed ones."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Metrics: list them, show one, record a value, compute the computed ones."""

    @command(name="list")
    def list_metrics(
        self,
        org: OrgOption,
        user: UserOption,
        breached: Annotated[bool, typer.Option("--breached", help="Only metrics in breach now.")] = False,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """List the metrics with their latest value and status."""
        organization = member_organization(org, user)
        rows = list(
            queries.metrics_for(organization, queries.MetricFilter(breached=breached)).select_related(
                "organization"
            )
        )
        if output_format is OutputFormat.JSON:
            data = [MetricOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No metrics.")
        for row in rows:
            value = f"{plain(row.last_value)} {row.unit}".strip() if row.last_value is not None else "-"
            self.stdout.write(
                f"{row.reference:<8} {row.source:<9} {value:<16} {row.last_level or '-':<8} {row.name}"
            )

    @command()
    def show(
        self,
        reference: Annotated[str, typer.Argument(help="The metric's reference, such as MET-001.")],
        org: OrgOption,
        user: UserOption,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """Show one metric with its latest measurements."""
        organization = member_organization(org, user)
        metric = _metric(organization, reference)
        data = MetricOut.from_orm(metric).model_dump(mode="json")
        latest = [
            MeasurementOut.from_orm(m).model_dump(mode="json")
            for m in queries.measurements_of(metric).select_related("metric")[:10]
        ]
        if output_format is OutputFormat.JSON:
            self.stdout.write(json.dumps({**data, "measurements": latest}, indent=2, ensure_ascii=False))
            return
        for name in SHOWN:
            value = data[name]
            self.stdout.write(
                f"{name.replace('_', ' ').capitalize():<20} {'-' if value in (None, '') else value}"
            )
        if data["computed_filter"]:
            self.stdout.write(f"{'Counting only':<20} {data['computed_filter']['description']}")
        self.stdout.write(f"Latest measurements ({len(latest)}):")
        for m in latest:
            self.stdout.write(f"  {m['measured_at'][:16]} {m['value']:>14} {m['level']:<8} {m['source']}")

    @command()
    def record(
        self,
        reference: Annotated[str, typer.Argument(help="The metric's reference, such as MET-001.")],
        org: OrgOption,
        user: Annotated[str, typer.Option("--user", metavar="EMAIL", help="Record as this member.")],
        value: Annotated[str, typer.Option("--value", help="The measured value, such as 0.93.")],
        at: Annotated[
            str,
            typer.Option(
                "--at", help="When it was measured (ISO 8601, e.g. 2026-11-01T09:00); now if left out."
            ),
        ] = "",
        note: Annotated[str, typer.Option(help="A note to read the value right.")] = "",
    ) -> None:
        """Record one value of a manual or API metric, as the member given."""
        organization = member_organization(org, user)
        actor = User.objects.get(email__iexact=user.strip())
        metric = _metric(organization, reference)
        try:
            number = Decimal(value.strip())
            measured_at = datetime.fromisoformat(at) if at else None
        except (InvalidOperation, ValueError) as exc:
            raise usage(f"Not a number or a date: {exc}") from exc
        if measured_at is not None and timezone.is_naive(measured_at):
            measured_at = timezone.make_aware(measured_at)
        try:
            made = actions.record_measurement(
                actor=actor, metric=metric, reading=actions.Reading(number, measured_at, note)
            )
        except (PermissionDenied, ActionError, ValidationError) as exc:
            raise CommandError(_said(exc), returncode=1) from exc
        self.stdout.write(
            f"{metric.reference} {plain(made.value)} at {made.measured_at:%Y-%m-%d %H:%M}: {made.level}"
        )

    @command()
    def compute(
        self,
        on: Annotated[
            str, typer.Option("--on", help="The day to compute for (YYYY-MM-DD); today if left out.")
        ] = "",
    ) -> None:
        """Record today's value of every computed metric of every organisation (once a day)."""
        try:
            day = datetime.strptime(on, "%Y-%m-%d").date() if on else timezone.localdate()
        except ValueError as exc:
            raise usage(f"Not a day: {on!r}") from exc
        count = record_computed_measurements(day)
        self.stdout.write(f"Recorded {count} computed measurement(s) for {day.isoformat()}.")


def _said(exc: Exception) -> str:
    if isinstance(exc, ActionError):
        return exc.message
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc) or "Your role in this organisation does not allow this."
