"""Readiness rules for clause 7.5, read from the register of controlled documents: documented information on
record (7.5.1), approved and kept up to date (7.5.2), owned and kept for a set time (7.5.3).

Withdrawn documents are out of force and left out, except by the rule that they are no longer handed out
(in `aims.acknowledgements.readiness`).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from aims.documents.models import Document, DocumentQuerySet, DocumentVersion
from aims.people.readiness import own_members
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def active(ctx: Context) -> DocumentQuerySet:
    return Document.objects.filter(organization=ctx.organization).active()


def in_force(ctx: Context) -> DocumentQuerySet:
    """Active documents with a published version in force."""
    return active(ctx).filter(current_version__state=DocumentVersion.State.PUBLISHED)


def document_link(ctx: Context, document: Document, note: str = "") -> Link:
    label = reference_label(document) + (f": {note}" if note else "")
    return ctx.link(label, "documents:document_detail", pk=document.pk)


def register_link(ctx: Context, label: str) -> Link:
    return ctx.link(label, "documents:document_list")


@rule(
    "7.5.1-documents-in-force",
    "7.5.1",
    "The AIMS's documented information is on record and in force",
    BLOCKER,
)
def documents_in_force(ctx: Context) -> Outcome:
    count = in_force(ctx).count()
    if not count:
        return failed(
            "No document of the AIMS is in force.",
            fix=ctx.link("Register the AIMS's documents", "documents:document_create"),
        )
    return passed(f"{plural(count, 'document of the AIMS is', 'documents of the AIMS are')} in force.")


@rule("7.5.1-processes-documented", "7.5.1", "The AIMS's processes are written down", OBSERVATION)
def processes_documented(ctx: Context) -> Outcome:
    """Good practice: the processes the AIMS runs (risk and impact assessment, operation) are set down in
    at least one procedure in force."""
    count = in_force(ctx).filter(kind=Document.Kind.PROCEDURE).count()
    if not count:
        return failed(
            "No procedure is in force: the AIMS's processes are not written down.",
            fix=ctx.link("Write a procedure", "documents:document_create"),
        )
    return passed(f"{plural(count, 'procedure is', 'procedures are')} in force.")


@rule("7.5.2-documents-approved", "7.5.2", "Every active document has an approved version in force", BLOCKER)
def documents_approved(ctx: Context) -> Outcome:
    unapproved = (
        active(ctx)
        .filter(~Q(current_version__state=DocumentVersion.State.PUBLISHED) | Q(current_version__isnull=True))
        .order_by("reference")
    )
    return none_of(
        unapproved,
        ok="Every active document has an approved version in force.",
        problem=lambda n: (
            f"{plural(n, 'active document has', 'active documents have')} no approved version in force."
        ),
        link=lambda document: document_link(ctx, document),
        fix=register_link(ctx, "Approve and publish them"),
    )


@rule("7.5.2-documents-reviewed", "7.5.2", "No active document is past its review date", BLOCKER)
def documents_reviewed(ctx: Context) -> Outcome:
    lapsed = active(ctx).filter(next_review_on__lt=ctx.today).order_by("next_review_on", "reference")
    return none_of(
        lapsed,
        ok="No active document is past its review date.",
        problem=lambda n: f"{plural(n, 'document is', 'documents are')} past the review date: out of date.",
        link=lambda document: document_link(ctx, document, f"due {document.next_review_on:%Y-%m-%d}"),
        fix=register_link(ctx, "Review them"),
    )


@rule("7.5.3-documents-owned", "7.5.3", "Every active document has an owner who is a member", BLOCKER)
def documents_owned(ctx: Context) -> Outcome:
    member = own_members(ctx).filter(user=OuterRef("owner"))
    orphans = (
        active(ctx)
        .annotate(owner_is_member=Exists(member))
        .filter(owner_is_member=False)
        .order_by("reference")
    )
    return none_of(
        orphans,
        ok="Every active document has an owner who is a member of the organisation.",
        problem=lambda n: (
            f"{plural(n, 'active document has', 'active documents have')} no owner among the members."
        ),
        link=lambda document: document_link(
            ctx, document, "no owner" if document.owner_id is None else "its owner is not a member"
        ),
        fix=register_link(ctx, "Name an owner for each"),
    )


@rule(
    "7.5.3-retention-set",
    "7.5.3",
    "Every active document says how long its old versions are kept",
    OBSERVATION,
)
def retention_set(ctx: Context) -> Outcome:
    unset = active(ctx).filter(retention_months__isnull=True).order_by("reference")
    return none_of(
        unset,
        ok="Every active document has a retention period.",
        problem=lambda n: (
            f"{plural(n, 'active document has', 'active documents have')} no retention period: "
            "superseded versions are kept with no end."
        ),
        link=lambda document: document_link(ctx, document),
        fix=register_link(ctx, "Set their retention periods"),
    )


RULES = [
    documents_in_force,
    processes_documented,
    documents_approved,
    documents_reviewed,
    documents_owned,
    retention_set,
]
