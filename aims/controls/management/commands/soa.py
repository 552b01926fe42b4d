"""`aims soa show` and `aims soa export`: the Statement of Applicability from the command line.

Reads only, like an auditor's copy: the draft (the current entries, marked DRAFT) or an approved version.
Exit status: 0 on success, 2 for an unknown organisation or version, or bad options.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.controls import exports
from aims.controls.models import SoAVersion
from aims.organizations.models import Organization

EXIT_USAGE = 2

OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
VersionOption = Annotated[
    int | None,
    typer.Option("--version", metavar="N", help="An approved version; without it, the current draft."),
]


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_USAGE)


def _document(org: str, number: int | None) -> exports.SoADocument:
    organization = Organization.objects.filter(slug=org).first()
    if organization is None:
        raise _usage(f"No organisation {org!r}.")
    if number is None:
        return exports.document_for_draft(organization)
    version = SoAVersion.objects.filter(organization=organization, number=number).first()
    if version is None:
        raise _usage(f"{organization.name} has no approved SoA version {number}.")
    return exports.document_for_version(version)


class Command(TyperCommand):
    help = "The Statement of Applicability (ISO/IEC 42001 6.1.3): show it or export it."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The Statement of Applicability (ISO/IEC 42001 6.1.3): show it or export it."""

    @command()
    def show(
        self,
        org: OrgOption,
        number: VersionOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="The entries as JSON.")] = False,
    ) -> None:
        """Print the SoA: the cover facts, then one line per control."""
        document = _document(org, number)
        if as_json:
            facts = dict(document.facts())
            self.stdout.write(json.dumps({"facts": facts, "controls": document.entries}, indent=2))
            return
        for label, value in document.facts():
            self.stdout.write(f"{label}: {value}")
        for heading, entries in document.groups():
            self.stdout.write(f"\n{heading}")
            for entry in entries:
                row = exports.row_of(entry)
                self.stdout.write(f"  {row[0]:<9} {row[3]:<9} {row[6]:<22} {row[1]}")

    @command()
    def export(
        self,
        org: OrgOption,
        fmt: Annotated[str, typer.Option("--format", metavar="FORMAT", help="xlsx, docx or pdf.")] = "xlsx",
        number: VersionOption = None,
        output: Annotated[
            Path | None, typer.Option("--output", metavar="FILE", help="Where to write it.")
        ] = None,
    ) -> None:
        """Write the SoA as XLSX, DOCX or PDF with the organisation, version, approver and date."""
        if fmt not in exports.FORMATS:
            raise _usage(f"--format must be one of {', '.join(exports.FORMATS)}.")
        content, _, name = exports.render(_document(org, number), fmt)
        path = output or Path(name)
        path.write_bytes(content)
        self.stdout.write(f"Wrote {len(content):,} bytes to {path}.")
