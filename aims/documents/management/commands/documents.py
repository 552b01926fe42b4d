"""`aims documents list|show|export-pdf`: the document register from the command line, read with the acting
member's rights (`--user EMAIL`).

Exit status: 0 on success, 2 for an unknown organisation, document, version or member.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from django.core.management.base import CommandError
from django_typer.management import TyperCommand, command, initialize

from aims.accounts.models import User
from aims.documents import pdf, queries
from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

EXIT_USAGE = 2
OrgOption = Annotated[str, typer.Option("--org", metavar="SLUG", help="The organisation's slug.")]
AsOption = Annotated[
    str, typer.Option("--user", metavar="EMAIL", help="Act as this member (their role decides).")
]
Reference = Annotated[str, typer.Argument(help="The document's reference, e.g. PRO-001.")]


def _usage(message: str) -> CommandError:
    return CommandError(message, returncode=EXIT_USAGE)


def _organization(org: str, email: str) -> Organization:
    organization = Organization.objects.filter(slug=org).first()
    if organization is None:
        raise _usage(f"No organisation {org!r}.")
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None or not can_view_organization(user, organization):
        raise _usage(f"{email} is not a member of {organization.name}.")
    return organization


def _document(organization: Organization, reference: str) -> Document:
    document = (
        Document.objects.select_related("organization", "owner", "current_version")
        .filter(organization=organization, reference__iexact=reference.strip())
        .first()
    )
    if document is None:
        raise _usage(f"No document {reference!r} in {organization.name}.")
    return document


def _row(document: Document) -> dict[str, object]:
    current = document.current_version
    return {
        "reference": document.reference,
        "title": document.title,
        "kind": document.kind,
        "status": document.status,
        "current_version": current.number if current else None,
        "in_progress": getattr(document, "in_progress", None),
        "owner": document.owner.email if document.owner else None,
        "next_review_on": document.next_review_on.isoformat() if document.next_review_on else None,
        "review_overdue": document.is_review_overdue,
    }


class Command(TyperCommand):
    help = "The document register (clause 7.5): list, show, and export versions as PDF."

    @initialize(no_args_is_help=True)
    def init(self) -> None:
        """The document register (clause 7.5): list, show, and export versions as PDF."""

    @command(name="list")
    def list_documents(
        self,
        org: OrgOption,
        as_: AsOption,
        kind: Annotated[str, typer.Option(help="Only this kind (policy, procedure, …).")] = "",
        overdue: Annotated[bool, typer.Option(help="Only documents whose review is overdue.")] = False,
        as_json: Annotated[bool, typer.Option("--json", help="JSON for programs.")] = False,
    ) -> None:
        """Every active document: reference, version in force, version in progress, next review."""
        organization = _organization(org, as_)
        wanted = queries.DocumentFilter(kind=kind, review="overdue" if overdue else "")
        rows = [_row(document) for document in queries.documents_for(organization, wanted).iterator()]
        if as_json:
            self.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False))
            return
        for row in rows:
            current = f"v{row['current_version']}" if row["current_version"] else "-"
            review = f"{row['next_review_on'] or '-'}{' OVERDUE' if row['review_overdue'] else ''}"
            self.stdout.write(f"{row['reference']:<10} {current:<5} {row['in_progress'] or '':<18} "
                              f"{review:<19} {row['title']}")  # fmt: skip

    @command()
    def show(self, reference: Reference, org: OrgOption, as_: AsOption) -> None:
        """One document's details and its versions."""
        document = _document(_organization(org, as_), reference)
        self.stdout.write(f"{document.reference} {document.title}")
        self.stdout.write(f"  {document.get_kind_display()}, {document.get_classification_display()}, "
                          f"{document.get_status_display().lower()}")  # fmt: skip
        self.stdout.write(f"  Owner: {document.owner.email if document.owner else '-'}")
        self.stdout.write(f"  Next review: {document.next_review_on or '-'}")
        for version in queries.versions_of(document):
            published = version.published_at.date().isoformat() if version.published_at else ""
            self.stdout.write(f"  v{version.number:<3} {version.get_state_display():<18} {published:<10} "
                              f"{version.change_summary}")  # fmt: skip

    @command(name="export-pdf")
    def export_pdf(
        self,
        reference: Reference,
        org: OrgOption,
        as_: AsOption,
        version: Annotated[
            int | None, typer.Option(help="The version number; by default the one in force, else the latest.")
        ] = None,
        output: Annotated[
            Path | None, typer.Option(help="Where to write the PDF; default: its own name.")
        ] = None,
    ) -> None:
        """Write a version of a document as PDF."""
        document = _document(_organization(org, as_), reference)
        versions = DocumentVersion.objects.filter(document=document).select_related(
            "author", "reviewed_by", "published_by"
        )
        if version is not None:
            found = versions.filter(number=version).first()
        else:
            in_force = (
                versions.filter(pk=document.current_version_id) if document.current_version_id else None
            )
            found = (in_force.first() if in_force is not None else None) or versions.order_by(
                "-number"
            ).first()
        if found is None:
            raise _usage(f"{document.reference} has no version {version}.")
        found.document = document
        target = output or Path(pdf.filename(found))
        target.write_bytes(pdf.version_pdf(found))
        self.stdout.write(f"Wrote {target} ({document.reference} version {found.number}).")
