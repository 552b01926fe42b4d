"""`aims policy show` and `aims policy start`: the AI policy from the command line, through the same actions.

Exit status: 0 on success, 1 when the action is refused in the present state (an AI policy exists already),
2 for an unknown organisation or user, or a user whose role does not allow it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization
from aims.policies import actions, queries

EXIT_REFUSED = 1
EXIT_USAGE = 2

OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
UserOption = Annotated[
    str, typer.Option("--user", metavar="EMAIL", help="Act as this member (their role decides).")
]


def organization_and_user(org: str, email: str) -> tuple[Organization, User]:
    organization = Organization.objects.filter(slug=org).first()
    if organization is None:
        raise CommandError(f"No organisation {org!r}.", returncode=EXIT_USAGE)
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not can_view_organization(user, organization):
        raise CommandError(f"{email} is not a member of {organization.name}.", returncode=EXIT_USAGE)
    return organization, user


class Command(TyperCommand):
    help = "The AI policy (ISO/IEC 42001 clause 5.2): show where it stands, or start it from the template."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The AI policy (ISO/IEC 42001 clause 5.2)."""

    @command()
    def show(self, org: OrgOption, user: UserOption) -> None:
        """Where the AI policy stands: version in force, version in progress, reviews and commitment."""
        organization, _ = organization_and_user(org, user)
        status = queries.policy_status(organization)
        if status.document is None:
            self.stdout.write(f"{organization.name} has no AI policy yet. Start it with `aims policy start`.")
            return
        document = status.document
        self.stdout.write(f"{document.reference} {document.title} ({document.get_status_display().lower()})")
        current = status.current
        self.stdout.write(
            f"In force: version {current.number}, published {current.published_at:%Y-%m-%d}"
            if current and current.published_at
            else "In force: nothing published yet"
        )
        progress = status.in_progress
        self.stdout.write(
            f"In progress: version {progress.number}, {progress.get_state_display().lower()}"
            if progress
            else "In progress: nothing"
        )
        review = document.next_review_on.isoformat() if document.next_review_on else "not set"
        self.stdout.write(f"Next review: {review}")
        self.stdout.write(f"Aligned policies: {queries.aligned_for(organization).count()}")
        last = queries.reviews_for(organization).first()
        self.stdout.write(
            f"Last review: {last.reviewed_on.isoformat()}, {last.get_outcome_display().lower()}"
            if last
            else "Last review: none"
        )
        self.stdout.write(f"Commitment records: {queries.commitments_for(organization).count()}")

    @command()
    def start(self, org: OrgOption, user: UserOption) -> None:
        """Draft version 1 of the AI policy from the template, for every member to read once published."""
        organization, actor = organization_and_user(org, user)
        try:
            policy = actions.start_ai_policy(actor=actor, organization=organization)
        except PermissionDenied as exc:
            raise CommandError(str(exc), returncode=EXIT_USAGE) from None
        except ActionError as exc:
            self.stderr.write(exc.message)
            raise typer.Exit(EXIT_REFUSED) from None
        reference = policy.document.reference
        self.stdout.write(
            f"Drafted version 1 of {reference} from the template. Adapt it in aims, then submit it."
        )
