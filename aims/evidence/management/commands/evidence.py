"""`aims evidence list|add|expired`: the evidence register from the command line, through the same actions
(and the same permissions) as the web pages and the API.

Exit status: 0 on success; 1 when evidence is refused (the reasons are printed; nothing is written) or, with
`expired --fail`, when any evidence has expired; 2 for an unknown organisation or user, a role that does not
allow it, or bad options.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.management.base import CommandError
from django.utils import timezone
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.ai_systems.actions import member_by_email
from aims.evidence import actions, queries
from aims.evidence.forms import parse_requirements
from aims.evidence.models import Evidence, Freshness
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

EXIT_REFUSED = 1
EXIT_USAGE = 2

OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
UserOption = Annotated[
    str, typer.Option("--user", metavar="EMAIL", help="Act as this member (their role decides).")
]


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_USAGE)


def _organization_and_user(org: str, email: str) -> tuple[Organization, User]:
    organization = Organization.objects.filter(slug=org).first()
    if organization is None:
        raise _usage(f"No organisation {org!r}.")
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not can_view_organization(user, organization):
        raise _usage(f"{email} is not a member of {organization.name}.")
    return organization, user


def _line(evidence: Evidence, today: date) -> str:
    valid = evidence.valid_until.isoformat() if evidence.valid_until else "-"
    state = "retired" if evidence.is_retired else evidence.freshness_on(today).value
    owner = evidence.owner.email if evidence.owner else "-"
    fields = (
        evidence.reference,
        evidence.kind,
        str(evidence.collected_on),
        valid,
        state,
        owner,
        evidence.title,
    )
    return "\t".join(fields)


def _messages(exc: ValidationError | ActionError) -> str:
    if isinstance(exc, ActionError):
        return exc.message
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items())
    return "; ".join(exc.messages)


class Command(TyperCommand):
    help = "The evidence register: list, add and find expired evidence."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The evidence register: list, add and find expired evidence."""

    @command(name="list")
    def list_evidence(
        self,
        org: OrgOption,
        user: UserOption,
        kind: Annotated[str | None, typer.Option("--kind", help="file or link.")] = None,
        freshness: Annotated[
            str | None, typer.Option("--freshness", help="current, expiring or expired.")
        ] = None,
        search: Annotated[
            str, typer.Option("--search", help="Search title, description, file and link.")
        ] = "",
        limit: Annotated[
            int, typer.Option("--limit", min=1, max=10_000, help="At most this many lines.")
        ] = 200,
    ) -> None:
        """List active evidence, newest first (reference, kind, dates, validity, owner, title)."""
        organization, _ = _organization_and_user(org, user)
        if kind not in (None, *Evidence.Kind.values) or freshness not in (None, *Freshness.values):
            raise _usage("--kind must be file or link; --freshness current, expiring or expired.")
        wanted = queries.EvidenceFilter(q=search.strip(), kind=kind or "", freshness=freshness or "")
        today = timezone.localdate()
        for evidence in queries.evidence_list(organization, wanted)[:limit]:
            self.stdout.write(_line(evidence, today))

    @command()
    def add(
        self,
        org: OrgOption,
        user: UserOption,
        title: Annotated[str, typer.Option("--title", help="What the evidence is.")],
        file: Annotated[Path | None, typer.Argument(help="The file to upload (or give --url).")] = None,
        url: Annotated[str, typer.Option("--url", help="A link (http or https) instead of a file.")] = "",
        collected_on: Annotated[
            str | None, typer.Option("--collected-on", metavar="YYYY-MM-DD", help="Default: today.")
        ] = None,
        valid_until: Annotated[str | None, typer.Option("--valid-until", metavar="YYYY-MM-DD")] = None,
        owner: Annotated[
            str | None, typer.Option("--owner", metavar="EMAIL", help="The owner (a member).")
        ] = None,
        requirements: Annotated[
            str, typer.Option("--requirements", help='Clauses and controls it supports: "9.2,A.6.2.4".')
        ] = "",
        description: Annotated[str, typer.Option("--description")] = "",
    ) -> None:
        """Add a file or a link as evidence; exit 1 with the reasons if it is refused."""
        organization, actor = _organization_and_user(org, user)
        if (file is None) == (not url):
            raise _usage("Give a FILE or --url, not both or neither.")
        if file is not None and not file.is_file():
            raise _usage(f"No file {file}.")
        try:
            values: dict[str, Any] = {
                "title": title,
                "description": description,
                "collected_on": date.fromisoformat(collected_on) if collected_on else timezone.localdate(),
                "valid_until": date.fromisoformat(valid_until) if valid_until else None,
                "owner": member_by_email(organization, owner) if owner else None,
                "supports": parse_requirements(requirements),
            }
            evidence = self._add(actor, organization, file, url, values)
        except PermissionDenied as exc:
            raise _usage(str(exc)) from None
        except ValueError as exc:
            raise _usage(f"Dates are written YYYY-MM-DD: {exc}") from None
        except (ValidationError, ActionError) as exc:
            self.stderr.write(f"The evidence was not added: {_messages(exc)}")
            raise typer.Exit(EXIT_REFUSED) from None
        self.stdout.write(
            f"Added {evidence}" + (f" (SHA-256 {evidence.sha256})" if evidence.sha256 else "") + "."
        )

    def _add(
        self, actor: User, organization: Organization, file: Path | None, url: str, values: dict[str, Any]
    ) -> Evidence:
        if file is None:
            return actions.add_evidence_link(actor=actor, organization=organization, url=url, **values)
        with file.open("rb") as handle:
            upload = UploadedFile(handle, name=file.name, size=file.stat().st_size)
            return actions.add_evidence_file(actor=actor, organization=organization, upload=upload, **values)

    @command()
    def expired(
        self,
        org: OrgOption,
        user: UserOption,
        fail: Annotated[bool, typer.Option("--fail", help="Exit 1 if any evidence has expired.")] = False,
    ) -> None:
        """List active evidence that has expired or expires within 30 days, soonest first."""
        organization, _ = _organization_and_user(org, user)
        today = timezone.localdate()
        found = list(queries.expired_and_expiring(organization, today)[:10_000])
        for evidence in found:
            self.stdout.write(_line(evidence, today))
        expired = sum(1 for evidence in found if evidence.freshness_on(today) == Freshness.EXPIRED)
        self.stderr.write(f"{expired} expired, {len(found) - expired} expiring within 30 days.")
        if fail and expired:
            raise typer.Exit(EXIT_REFUSED)
