"""Documents: create (with version 1 as a draft), change metadata, withdraw, record a review (clause 7.5)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.audit.trail import record
from aims.documents.actions.common import (
    DOCUMENT_FIELDS,
    attach,
    check_members,
    check_unique_reference,
    next_reference,
    require_active,
    require_approver,
    require_editor,
    snapshot,
)
from aims.documents.models import Document, DocumentVersion
from aims.documents.permissions import can_approve_documents, can_edit_documents
from aims.documents.uploads import check_upload
from aims.lib.dates import add_months
from aims.lib.errors import ActionError
from aims.web.stored_files import discarded_on_error

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def _clean_document(document: Document, distribution: Iterable[Any] | None) -> None:
    check_members(document.organization, document.owner, distribution)
    if not document.reference:
        document.reference = next_reference(document.organization, document.kind)
    document.full_clean(
        exclude=["organization", "current_version", "distribution"], validate_constraints=False
    )
    check_unique_reference(document)


@transaction.atomic
def create_document(
    *,
    actor: User,
    organization: Organization,
    title: str,
    kind: str,
    reference: str = "",
    description: str = "",
    owner: User | None = None,
    classification: str = Document.Classification.INTERNAL,
    retention_months: int | None = None,
    review_interval_months: int = 12,
    distribution: Iterable[User] = (),
    body: str = "",
    change_summary: str = "",
    upload: UploadedFile | None = None,
) -> Document:
    """Register a document and write its version 1 as a draft; every check runs before anything is written."""
    require_editor(actor, organization)
    people = list(distribution)
    document = Document(
        organization=organization,
        reference=reference.strip(),
        title=title.strip(),
        kind=kind,
        description=description.strip(),
        owner=owner,
        classification=classification,
        retention_months=retention_months,
        review_interval_months=review_interval_months,
    )
    _clean_document(document, people)
    version = DocumentVersion(number=1, body=body, change_summary=change_summary.strip(), author=actor)
    version.full_clean(exclude=["document", "file", "author"], validate_constraints=False)
    checked = check_upload(upload) if upload is not None else None
    document.save()
    document.distribution.set(people)
    version.document = document
    if checked is not None and upload is not None:
        attach(version, checked, upload)
    with discarded_on_error(version.file):
        version.save()
        after = snapshot(document, DOCUMENT_FIELDS) | {"distribution": [p.email for p in people]}
        record(actor=actor, verb="document.created", target=document, after=after)
        record(
            actor=actor,
            verb="document_version.created",
            target=version,
            organization=organization,
            data={"document": document.reference, "number": 1, "file_sha256": version.file_sha256},
        )
    return document


def _locked(document: Document) -> Document:
    return (
        Document.objects.select_for_update(of=("self",))
        .select_related("organization", "current_version")
        .get(pk=document.pk)
    )


def _review_base(document: Document) -> Any:
    if document.last_reviewed_at is not None:
        return timezone.localdate(document.last_reviewed_at)
    current = document.current_version
    if current is not None and current.published_at is not None:
        return timezone.localdate(current.published_at)
    return None


@transaction.atomic
def update_document(
    *, actor: User, document: Document, changes: Mapping[str, Any], distribution: Iterable[User] | None = None
) -> Document:
    """Change a document's metadata (never its text: that is a new version)."""
    require_editor(actor, document.organization)
    document = _locked(document)
    require_active(document)
    unknown = set(changes) - set(DOCUMENT_FIELDS)
    if unknown:
        raise ValidationError({"__all__": f"Not an editable field: {', '.join(sorted(unknown))}."})
    values = {k: v.strip() if isinstance(v, str) else v for k, v in changes.items()}
    if "reference" in values and not values["reference"]:
        raise ValidationError({"reference": "A document needs a reference."})
    people = list(distribution) if distribution is not None else None
    before = snapshot(document, values)
    for name, value in values.items():
        setattr(document, name, value)
    _clean_document(document, people)
    if "review_interval_months" in values and (base := _review_base(document)) is not None:
        document.next_review_on = add_months(base, document.review_interval_months)
    document.save()
    data: dict[str, Any] = {}
    if people is not None:
        document.distribution.set(people)
        data["distribution"] = [person.email for person in people]
    after = snapshot(document, values)
    record(actor=actor, verb="document.updated", target=document, before=before, after=after, data=data)
    return document


@transaction.atomic
def withdraw_document(*, actor: User, document: Document, reason: str) -> Document:
    """Take a document out of force; its versions stay on record, unchanged."""
    require_approver(actor, document.organization, "withdraw documents")
    document = _locked(document)
    require_active(document)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the document is withdrawn."})
    document.status, document.withdrawn_at = Document.Status.WITHDRAWN, timezone.now()
    document.withdrawn_by, document.withdrawal_reason = actor, reason.strip()
    document.save(update_fields=["status", "withdrawn_at", "withdrawn_by", "withdrawal_reason", "updated_at"])
    record(
        actor=actor, verb="document.withdrawn", target=document, data={"reason": document.withdrawal_reason}
    )
    return document


def can_mark_reviewed(actor: User, document: Document) -> bool:
    organization = document.organization
    if can_approve_documents(actor, organization):
        return True
    return document.owner_id == actor.pk and can_edit_documents(actor, organization)


@transaction.atomic
def mark_document_reviewed(*, actor: User, document: Document, notes: str = "") -> Document:
    """The scheduled review found nothing to change: the next review date moves on by the interval."""
    if not can_mark_reviewed(actor, document):
        raise PermissionDenied("Only owners, managers and the document's owner can record a review.")
    document = _locked(document)
    require_active(document)
    if document.current_version_id is None:
        raise ActionError("Publish a version before recording a review; there is nothing in force yet.")
    before = {"next_review_on": document.next_review_on}
    document.last_reviewed_at, document.last_reviewed_by = timezone.now(), actor
    document.next_review_on = add_months(timezone.localdate(), document.review_interval_months)
    document.save(update_fields=["last_reviewed_at", "last_reviewed_by", "next_review_on", "updated_at"])
    after = {"next_review_on": document.next_review_on}
    record(
        actor=actor,
        verb="document.reviewed",
        target=document,
        before=before,
        after=after,
        data={"notes": notes.strip()},
    )
    return document
