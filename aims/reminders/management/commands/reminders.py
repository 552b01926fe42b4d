"""`aims reminders run [--today YYYY-MM-DD]`: one reminders sweep, at once and in this process (for cron, or
without a worker); `aims reminders notices --org SLUG --user EMAIL [--unread]`: a member's notices.

Exit status: 0 on success, 2 for an unknown organisation, a non-member or bad options.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated

import typer
from django.utils import timezone
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.reminders import queries
from aims.reminders.registry import providers
from aims.reminders.schemas import NoticeOut
from aims.reminders.sweep import run_sweep
from aims.web.cli import FormatOption, OrgOption, OutputFormat, UserOption, member_organization, usage


class Command(TyperCommand):
    help = "Reminders and notices: run a sweep, list a member's notices."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Reminders and notices: run a sweep, list a member's notices."""

    @command()
    def run(
        self,
        today: Annotated[
            str, typer.Option(metavar="YYYY-MM-DD", help="Sweep as if it were this day (default: today).")
        ] = "",
    ) -> None:
        """Record computed measurements, raise the reminders due and e-mail the pending notices, now."""
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise usage(f"Not a date: {today!r}; write it YYYY-MM-DD.") from None
        result = run_sweep(day)
        measured = "-" if result.measurements is None else result.measurements
        self.stdout.write(
            f"{day.isoformat()}: {len(providers())} registers asked, {result.reminders} reminders raised, "
            f"{result.emails} e-mails sent, {measured} measurements recorded."
        )

    @command()
    def notices(
        self,
        org: OrgOption,
        user: UserOption,
        unread: Annotated[bool, typer.Option("--unread", help="Only the notices not read yet.")] = False,
        limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 100,
        output_format: FormatOption = OutputFormat.TEXT,
    ) -> None:
        """The member's notices in the organisation, unread first."""
        organization = member_organization(org, user)
        member = User.objects.get(email__iexact=user.strip())
        rows = list(queries.notices_for(member, organization, unread_only=unread)[:limit])
        if output_format is OutputFormat.JSON:
            data = [NoticeOut.from_orm(row).model_dump(mode="json") for row in rows]
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        if not rows:
            self.stdout.write("No notices.")
        for row in rows:
            mark = " " if row.read_at else "*"
            self.stdout.write(f"{mark} {row.created_at:%Y-%m-%d} {row.level:<8} {row.subject}")
