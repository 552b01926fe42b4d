"""`aims inventory import FILE` and `aims inventory export`: the inventory to and from spreadsheets and
CycloneDX ML-BOMs, with the same actions (and the same permissions) as the web pages and the API.

Exit status: 0 on success, 1 when the file is rejected (the row errors are printed; nothing is written),
2 for an unknown organisation or user, a user whose role does not allow it, or bad options.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from pathlib import Path
from typing import Annotated, Any

import typer
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.interchange import actions, cyclonedx
from aims.interchange.registers import REGISTERS
from aims.interchange.report import ImportRejected
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

EXIT_REJECTED = 1
EXIT_USAGE = 2
FORMATS = ("xlsx", "csv", "cyclonedx")

OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
UserOption = Annotated[
    str, typer.Option("--user", metavar="EMAIL", help="Act as this member (their role decides).")
]
RegisterOption = Annotated[
    str | None,
    typer.Option(
        "--register",
        metavar="REGISTER",
        help=f"One register: {', '.join(REGISTERS)}. Without it, an XLSX's sheets name the registers.",
    ),
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


class _Bar:
    """A progress bar on the terminal for long imports (nothing when the output is not a terminal)."""

    def __init__(self) -> None:
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.tasks: dict[str, Any] = {}

    def __call__(self, step: str, done: int, total: int) -> None:
        if step not in self.tasks:
            self.tasks[step] = self.progress.add_task(step, total=total)
        self.progress.update(self.tasks[step], completed=done)


def _messages(exc: ValidationError | ActionError) -> str:
    return exc.message if isinstance(exc, ActionError) else "; ".join(exc.messages)


class Command(TyperCommand):
    help = "Import and export the AI system inventory (XLSX, CSV, CycloneDX ML-BOM)."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """Import and export the AI system inventory (XLSX, CSV, CycloneDX ML-BOM)."""

    @command(name="import")
    def import_file(
        self,
        file: Annotated[Path, typer.Argument(help="An .xlsx or .csv file, or a CycloneDX .json ML-BOM.")],
        org: OrgOption,
        user: UserOption,
        register: RegisterOption = None,
    ) -> None:
        """Import a spreadsheet (all or nothing, rows matched by reference) or an ML-BOM; exit 1 with
        every row error if the file is rejected."""
        organization, actor = _organization_and_user(org, user)
        if not file.is_file():
            raise _usage(f"No file {file}.")
        if file.suffix.lower() == ".json":
            self._import_bom(file, organization, actor)
            return
        try:
            actions.check_upload_size(file.stat().st_size, file.name)
            bar = _Bar() if sys.stderr.isatty() else None
            with bar.progress if bar else nullcontext():
                report = actions.import_inventory(
                    actor=actor,
                    organization=organization,
                    data=file.read_bytes(),
                    filename=file.name,
                    register=register,
                    progress=bar,
                )
        except PermissionDenied as exc:
            raise _usage(str(exc)) from None
        except ImportRejected as exc:
            self.stderr.write(f"{file.name} was not imported; nothing was written.")
            for line in exc.report.lines():
                self.stderr.write(line)
            raise typer.Exit(EXIT_REJECTED) from None
        self.stdout.write(f"Imported {file.name}: {report.summary()}.")

    def _import_bom(self, file: Path, organization: Organization, actor: User) -> None:
        try:
            system = cyclonedx.import_system_bom(
                actor=actor, organization=organization, data=file.read_bytes()
            )
        except PermissionDenied as exc:
            raise _usage(str(exc)) from None
        except (ValidationError, ActionError) as exc:
            self.stderr.write(f"{file.name} was not imported: {_messages(exc)}")
            raise typer.Exit(EXIT_REJECTED) from None
        self.stdout.write(f"Imported {file.name}: AI system {system}.")

    @command()
    def export(
        self,
        org: OrgOption,
        user: UserOption,
        fmt: Annotated[
            str, typer.Option("--format", metavar="FORMAT", help="xlsx, csv or cyclonedx.")
        ] = "xlsx",
        register: RegisterOption = None,
        system: Annotated[
            str | None,
            typer.Option("--system", metavar="REF", help="The AI system (for --format cyclonedx)."),
        ] = None,
        output: Annotated[
            Path | None, typer.Option("--output", metavar="FILE", help="Where to write it.")
        ] = None,
    ) -> None:
        """Export one register or all of them (XLSX sheets), or one AI system as a CycloneDX ML-BOM."""
        organization, actor = _organization_and_user(org, user)
        if fmt not in FORMATS:
            raise _usage(f"--format must be one of {', '.join(FORMATS)}.")
        if fmt == "cyclonedx":
            data, name = self._bom(organization, system)
        else:
            try:
                data = actions.export_inventory(
                    actor=actor, organization=organization, register=register, fmt=fmt
                )
            except ValidationError as exc:
                raise _usage(_messages(exc)) from None
            name = actions.export_filename(organization, register, fmt)
        path = output or Path(name)
        path.write_bytes(data)
        self.stdout.write(f"Wrote {len(data):,} bytes to {path}.")

    def _bom(self, organization: Organization, reference: str | None) -> tuple[bytes, str]:
        if not reference:
            raise _usage("--format cyclonedx exports one AI system: give --system REF.")
        found = AISystem.objects.filter(organization=organization, reference=reference).first()
        if found is None:
            raise _usage(f"No AI system {reference} in {organization.name}.")
        return cyclonedx.export_system_bom(found).encode(), cyclonedx.file_name(found)
