"""`aims demo`: create (once) the demo organisation with one user per role, and print the logins."""

from __future__ import annotations

from typing import Annotated

import typer
from django.conf import settings
from django.core.management.base import CommandError
from django_typer.management import TyperCommand

from aims.demo.seeding import DEMO_PASSWORD, create_demo


class Command(TyperCommand):
    help = "Create the demo organisation (idempotent) and print how to sign in."

    def handle(
        self,
        force: Annotated[
            bool,
            typer.Option("--force", help="Create demo logins even with DEBUG off (never in production)."),
        ] = False,
    ) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "The demo logins share a published password; run `aims demo` only with DEBUG=true "
                "(or pass --force on a machine nobody else can reach)."
            )
        result = create_demo()
        state = "created" if result.created else "already there"
        self.stdout.write(
            f"Demo organisation “{result.organization.name}” ({result.organization.slug}): {state}."
        )
        self.stdout.write(
            f"Sign in at {settings.SITE_URL}/accounts/login/ with password {DEMO_PASSWORD!r} as:"
        )
        for email, role in result.logins:
            self.stdout.write(f"  {email:<32} {role}")
