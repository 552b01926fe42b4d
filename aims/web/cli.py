"""What the `aims` register commands share: the --org/--user/--format options and reading as a member.

Exit status 2 (usage) for an unknown organisation, a non-member or bad options, as every command does.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from django.core.management.base import CommandError

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

EXIT_USAGE = 2
OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
UserOption = Annotated[str, typer.Option("--user", metavar="EMAIL", help="Read as this member.")]


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


FormatOption = Annotated[OutputFormat, typer.Option("--format", help="text for people, json for programs.")]


def usage(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_USAGE)


def member_organization(org: str, email: str) -> Organization:
    """The organisation of that slug, if the person with that e-mail is a member of it; else a usage error."""
    organization = Organization.objects.filter(slug=org).first()
    if organization is None:
        raise usage(f"No organisation {org!r}.")
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not can_view_organization(user, organization):
        raise usage(f"{email} is not a member of {organization.name}.")
    return organization
