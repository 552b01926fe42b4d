"""`aims readiness snapshot [--org SLUG]`: record today's readiness snapshot (the worker does it daily)."""

from __future__ import annotations

from typing import Annotated

import typer
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.organizations.models import Organization
from aims.readiness.actions import record_missing_snapshots, record_snapshot


class Command(TyperCommand):
    help = "Certification readiness. `aims check --org SLUG` says whether an organisation is ready."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Certification readiness (a group of sub-commands)."""

    @command()
    def snapshot(
        self,
        org: Annotated[
            str | None, typer.Option("--org", metavar="SLUG", help="Only this organisation (re-recorded).")
        ] = None,
    ) -> None:
        """Record today's readiness snapshot of every organisation that has none yet, or of one."""
        if org is None:
            self.stdout.write(f"{record_missing_snapshots()} snapshots recorded.")
            return
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organisation {org!r}.", returncode=2)
        snapshot = record_snapshot(organization=organization)
        self.stdout.write(
            f"{organization.slug} on {snapshot.taken_on}: {snapshot.clauses_satisfied} of "
            f"{snapshot.clauses_total} clauses satisfied, {snapshot.blockers} blockers."
        )
