"""`aims acknowledgements status` and `aims acknowledgements remind`: campaigns from the command line.

Exit status: 0 on success, 1 when the action is refused in the present state (a closed campaign),
2 for an unknown organisation, user or campaign, or a user whose role does not allow it.
"""

from __future__ import annotations

from typing import Annotated

import typer
from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.acknowledgements import actions, queries
from aims.acknowledgements.models import Campaign
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

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


CampaignOption = Annotated[
    int | None,
    typer.Option("--campaign", metavar="ID", help="One campaign; without it, every open campaign."),
]


class Command(TyperCommand):
    help = "Acknowledgement campaigns (ISO/IEC 42001 clause 7.3): who has read what, and reminders."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Acknowledgement campaigns (ISO/IEC 42001 clause 7.3)."""

    def _campaigns(self, organization: Organization, campaign: int | None, state: str) -> list[Campaign]:
        campaigns = queries.campaigns_for(organization, state=state)
        if campaign is not None:
            campaigns = campaigns.filter(pk=campaign)
            if not campaigns.exists():
                raise CommandError(f"No campaign {campaign} in this organisation.", returncode=EXIT_USAGE)
        return list(campaigns[:200])

    @command()
    def status(
        self,
        org: OrgOption,
        user: UserOption,
        campaign: CampaignOption = None,
        show_all: Annotated[bool, typer.Option("--all", help="Closed campaigns too.")] = False,
    ) -> None:
        """Each campaign with acknowledged / total, its due date, and who has not acknowledged yet."""
        organization, _ = organization_and_user(org, user)
        found = self._campaigns(organization, campaign, "all" if show_all or campaign else "open")
        if not found:
            self.stdout.write("No open campaign.")
        for item in found:
            document = item.version.document
            state = "open" if item.is_open else "closed"
            due = f", due {item.due_on.isoformat()}" if item.due_on else ""
            overdue = " OVERDUE" if item.is_overdue else ""
            counts = f"{item.acknowledged}/{item.total}"  # type: ignore[attr-defined]
            self.stdout.write(
                f"#{item.pk} {document.reference} {document.title} v{item.version.number}: "
                f"{counts} acknowledged ({state}{due}){overdue}"
            )
            pending = queries.requests_of(item, state="pending")
            for request in pending[:50]:
                self.stdout.write(f"    not yet: {request.recipient.email}")

    @command()
    def remind(self, org: OrgOption, user: UserOption, campaign: CampaignOption = None) -> None:
        """E-mail everyone who has not acknowledged yet (at most once a day each)."""
        organization, actor = organization_and_user(org, user)
        found = self._campaigns(organization, campaign, "all" if campaign else "open")
        total = 0
        for item in found:
            try:
                sent = actions.send_reminders(actor=actor, campaign=item)
            except PermissionDenied as exc:
                raise CommandError(str(exc), returncode=EXIT_USAGE) from None
            except ActionError as exc:
                self.stderr.write(f"#{item.pk}: {exc.message}")
                raise typer.Exit(EXIT_REFUSED) from None
            self.stdout.write(f"#{item.pk} {item.version}: {sent} reminder{'' if sent == 1 else 's'} sent")
            total += sent
        self.stdout.write(f"{total} reminder{'' if total == 1 else 's'} sent in all.")
