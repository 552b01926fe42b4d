"""`aims pack export`, `aims pack verify` and `aims pack key`: the evidence pack for certification auditors.

Exit status of `verify`: 0 when everything matches, 1 naming the first thing that does not, 2 when the file
cannot be read (or --key is not a public key). Of `export`: 0, or 2 for an unknown organisation or user, a
role that may not export, or a bad date.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.packs.actions import export_pack
from aims.packs.signing import fingerprint, installation_key, public_key_from_pem, public_pem
from aims.packs.verification import PackReport, PackUnreadable, verify_pack

EXIT_MISMATCH = 1
EXIT_USAGE = 2
COMPARE = (
    "Compare the fingerprint with the one the organisation's aims shows (`aims pack key`, or its "
    "evidence-pack page): a pack re-signed with another key passes this check with another fingerprint."
)


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_USAGE)


def _organization(slug: str) -> Organization:
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None:
        raise _usage(f"No organisation {slug!r}.")
    return organization


def _actor(email: str | None) -> User | None:
    if email is None:
        return None
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise _usage(f"No user {email!r}.")
    return user


def _date(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise _usage(f"--since must be a date as YYYY-MM-DD, not {text!r}.") from None


def _messages(exc: ValidationError) -> str:
    return " ".join(message for messages in exc.message_dict.values() for message in messages)


class Command(TyperCommand):
    help = "The evidence pack for certification auditors: export it, verify it, show the signing key."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The evidence pack for certification auditors: export it, verify it, show the signing key."""

    @command()
    def export(
        self,
        org: Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")],
        output: Annotated[
            Path, typer.Option("--output", metavar="FILE.zip", help="Where to write the pack.")
        ],
        since: Annotated[
            str | None,
            typer.Option("--since", metavar="YYYY-MM-DD", help="Audit events and evidence from this day on."),
        ] = None,
        user: Annotated[
            str | None,
            typer.Option(
                "--user",
                metavar="EMAIL",
                help="Act as this member (their role decides); else as the operator.",
            ),
        ] = None,
    ) -> None:
        """Write the signed evidence pack of an organisation to a ZIP file, streamed as it is made."""
        organization, actor, start = _organization(org), _actor(user), _date(since)
        started = time.perf_counter()
        try:
            stream = export_pack(actor=actor, organization=organization, since=start)
        except PermissionDenied as exc:
            raise _usage(str(exc)) from None
        except ValidationError as exc:
            raise _usage(_messages(exc)) from None
        partial = output.with_name(output.name + ".part")
        with partial.open("wb") as file:
            for chunk in stream:
                file.write(chunk)
        partial.replace(output)
        size, seconds = output.stat().st_size, time.perf_counter() - started
        self.stdout.write(f"Wrote {output}: {size:,} bytes in {seconds:.1f} s.")
        self.stdout.write(f"Signed with the key of fingerprint {fingerprint(installation_key())}.")
        self.stdout.write(f"Check it with: aims pack verify {output}")

    @command()
    def verify(
        self,
        file: Annotated[Path, typer.Argument(metavar="FILE.zip", help="The pack to check.")],
        key: Annotated[
            Path | None,
            typer.Option(
                "--key", metavar="FILE.pem", help="Check against this public key, not the pack's own."
            ),
        ] = None,
    ) -> None:
        """Check every file's hash, the manifest's signature and the audit chain, without the database."""
        pem = None
        if key is not None:
            try:
                pem = key.read_bytes()
                public_key_from_pem(pem)
            except (OSError, ValueError) as exc:
                raise _usage(f"{key}: {exc}") from None
        try:
            report = verify_pack(file, public_key_pem=pem)
        except PackUnreadable as exc:
            raise _usage(str(exc)) from None
        self._describe(report)
        if not report.ok:
            self.stderr.write(f"MISMATCH: {report.problem}")
            raise typer.Exit(EXIT_MISMATCH)
        self.stdout.write(
            f"OK: {report.files} files ({report.bytes / 1e6:,.1f} MB) and {report.events:,} audit events "
            f"checked in {report.seconds:.2f} s ({report.megabytes_per_second:,.1f} MB/s)."
        )
        if key is None:
            self.stdout.write(COMPARE)

    def _describe(self, report: PackReport) -> None:
        if report.organization:
            period = f", from {report.since}" if report.since else ""
            self.stdout.write(f"Pack of {report.organization}, made {report.created_at}{period}.")
        if report.fingerprint:
            self.stdout.write(f"Key: {report.key_source}, fingerprint {report.fingerprint}")

    @command()
    def key(self) -> None:
        """Print the installation's public key and its fingerprint (the key is made on first use)."""
        private = installation_key()
        self.stdout.write(public_pem(private).decode("ascii").rstrip())
        self.stdout.write(f"Fingerprint (SHA-256): {fingerprint(private)}")
