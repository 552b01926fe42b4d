"""`aims audit verify [--org SLUG]`: check the audit trail's hash chains.

Exit status: 0 when every chain is intact, 1 when one is broken (the first bad event is named), 2 for an
unknown organisation.
"""

from __future__ import annotations

import time
from typing import Annotated

import typer
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.audit.verification import ChainReport, verify_all
from aims.organizations.models import Organization

EXIT_BROKEN = 1
EXIT_UNKNOWN_ORGANIZATION = 2


def summary(reports: list[ChainReport], seconds: float) -> str:
    checked = sum(report.checked for report in reports)
    rate = checked / seconds if seconds > 0 else 0.0
    broken = sum(not report.ok for report in reports)
    chains = f"{len(reports)} chain{'' if len(reports) == 1 else 's'}"
    state = (
        f"{broken} of {chains} BROKEN" if broken else f"{'all ' if len(reports) > 1 else ''}{chains} intact"
    )
    return f"{state}: {checked} events checked in {seconds:.2f} s ({rate:,.0f} events/s)"


class Command(TyperCommand):
    help = "The audit trail of aims."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The audit trail of aims (a group, so that sub-commands can join `verify`)."""

    @command()
    def verify(
        self,
        org: Annotated[
            str | None, typer.Option("--org", metavar="SLUG", help="Check only this organisation's chain.")
        ] = None,
    ) -> None:
        """Recompute every event's hash; exit 1 naming the first bad event if a row was changed, deleted
        or inserted outside aims, 2 for an unknown organisation."""
        started = time.perf_counter()
        try:
            reports = verify_all(organization_slug=org)
        except Organization.DoesNotExist as exc:
            raise CommandError(str(exc), returncode=EXIT_UNKNOWN_ORGANIZATION) from exc
        seconds = time.perf_counter() - started
        for report in reports:
            (self.stdout if report.ok else self.stderr).write(report.describe())
        self.stdout.write(summary(reports, seconds))
        if not all(report.ok for report in reports):
            raise typer.Exit(EXIT_BROKEN)
