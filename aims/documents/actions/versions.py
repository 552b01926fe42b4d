"""Versions of a document: draft → in review → approved (or changes requested) → published → superseded."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from aims.audit.trail import record
from aims.documents.actions.common import (
    attach,
    require_active,
    require_approver,
    require_editor,
    version_data,
)
from aims.documents.models import EDITABLE_STATES, IN_PROGRESS_STATES, Document, DocumentVersion
from aims.documents.uploads import check_upload
from aims.lib.dates import add_months
from aims.lib.errors import ActionError
from aims.web.stored_files import discarded_on_error

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from aims.accounts.models import User

State = DocumentVersion.State
SELF_APPROVAL = "You wrote this version; someone else must approve it."


def _locked_document(document: Document) -> Document:
    return Document.objects.select_for_update().select_related("organization").get(pk=document.pk)


def _locked_version(version: DocumentVersion) -> DocumentVersion:
    """The version as stored now, its document locked first (one writer per document at a time)."""
    document = _locked_document(version.document)
    locked = DocumentVersion.objects.select_for_update().get(pk=version.pk)
    locked.document = document
    return locked


def _state_label(version: DocumentVersion) -> str:
    return str(State(version.state).label).lower()


@transaction.atomic
def create_version(
    *,
    actor: User,
    document: Document,
    body: str | None = None,
    change_summary: str = "",
    upload: UploadedFile | None = None,
) -> DocumentVersion:
    """A new draft, starting from the latest version's text and file unless new ones are given."""
    require_editor(actor, document.organization)
    document = _locked_document(document)
    require_active(document)
    versions = DocumentVersion.objects.filter(document=document)
    busy = versions.filter(state__in=IN_PROGRESS_STATES).order_by("-number").first()
    if busy is not None:
        raise ActionError(
            f"Version {busy.number} is {_state_label(busy)}; finish it before starting another "
            "(one version in progress at a time)."
        )
    latest = versions.order_by("-number").first()
    version = DocumentVersion(
        document=document,
        number=(versions.aggregate(top=Max("number"))["top"] or 0) + 1,
        body=body if body is not None else latest.body if latest else "",
        change_summary=change_summary.strip(),
        author=actor,
    )
    if latest is not None and upload is None and latest.file:
        version.file = latest.file.name
        version.file_name, version.file_size = latest.file_name, latest.file_size
        version.file_sha256, version.file_content_type = latest.file_sha256, latest.file_content_type
    version.full_clean(exclude=["document", "file", "author"], validate_constraints=False)
    checked = check_upload(upload) if upload is not None else None
    if checked is not None and upload is not None:
        attach(version, checked, upload)
    with discarded_on_error(version.file if checked is not None else None):
        version.save()
        data = version_data(version, file_sha256=version.file_sha256)
        record(actor=actor, verb="document_version.created", target=version, data=data)
    return version


@transaction.atomic
def update_version(
    *,
    actor: User,
    version: DocumentVersion,
    body: str | None = None,
    change_summary: str | None = None,
    upload: UploadedFile | None = None,
) -> DocumentVersion:
    """Change a draft (or a version sent back with changes requested); any other state is refused."""
    require_editor(actor, version.document.organization)
    version = _locked_version(version)
    require_active(version.document)
    if version.state not in EDITABLE_STATES:
        raise ActionError(
            f"Version {version.number} is {_state_label(version)}; only a draft or a version with changes "
            "requested can be edited. Start a new version to change it."
        )
    before = {"body": version.body, "change_summary": version.change_summary, "file": version.file_sha256}
    if body is not None:
        version.body = body
    if change_summary is not None:
        version.change_summary = change_summary.strip()
    version.full_clean(exclude=["document", "file", "author"], validate_constraints=False)
    checked = check_upload(upload) if upload is not None else None
    if checked is not None and upload is not None:
        attach(version, checked, upload)
    with discarded_on_error(version.file if checked is not None else None):
        version.save()
        after = {"body": version.body, "change_summary": version.change_summary, "file": version.file_sha256}
        changed = [name for name in before if before[name] != after[name]]
        record(
            actor=actor,
            verb="document_version.updated",
            target=version,
            data=version_data(version, changed=changed, file_sha256=version.file_sha256),
        )
    return version


@transaction.atomic
def submit_version(*, actor: User, version: DocumentVersion) -> DocumentVersion:
    """Send a draft for review and approval (clause 7.5.2)."""
    require_editor(actor, version.document.organization)
    version = _locked_version(version)
    require_active(version.document)
    if version.state not in EDITABLE_STATES:
        raise ActionError(
            f"Version {version.number} is {_state_label(version)}; only a draft can be submitted."
        )
    if not version.body.strip() and not version.file:
        raise ValidationError({"body": "Write the text or attach a file before submitting."})
    version.state, version.submitted_at = State.IN_REVIEW, timezone.now()
    version.save(update_fields=["state", "submitted_at", "updated_at"])
    record(actor=actor, verb="document_version.submitted", target=version, data=version_data(version))
    return version


def _require_reviewer(actor: User, version: DocumentVersion, doing: str) -> DocumentVersion:
    require_approver(actor, version.document.organization, doing)
    version = _locked_version(version)
    require_active(version.document)
    if version.author_id == actor.pk:
        raise PermissionDenied(SELF_APPROVAL)
    if version.state != State.IN_REVIEW:
        raise ActionError(f"Version {version.number} is {_state_label(version)}, not in review.")
    return version


@transaction.atomic
def approve_version(*, actor: User, version: DocumentVersion, comment: str = "") -> DocumentVersion:
    """An owner or manager who did not write the version approves it; from now on it never changes."""
    version = _require_reviewer(actor, version, "approve documents")
    version.state, version.reviewed_by, version.reviewed_at = State.APPROVED, actor, timezone.now()
    version.review_comment = comment.strip()
    version.save(update_fields=["state", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    data = version_data(version, comment=version.review_comment)
    record(actor=actor, verb="document_version.approved", target=version, data=data)
    return version


@transaction.atomic
def request_changes(*, actor: User, version: DocumentVersion, comment: str) -> DocumentVersion:
    """Send a version back to its author with what must change."""
    if not comment.strip():
        raise ValidationError({"comment": "Say what must change."})
    version = _require_reviewer(actor, version, "review documents")
    version.state, version.reviewed_by, version.reviewed_at = State.CHANGES_REQUESTED, actor, timezone.now()
    version.review_comment = comment.strip()
    version.save(update_fields=["state", "reviewed_by", "reviewed_at", "review_comment", "updated_at"])
    data = version_data(version, comment=version.review_comment)
    record(actor=actor, verb="document_version.changes_requested", target=version, data=data)
    return version


@transaction.atomic
def publish_version(*, actor: User, version: DocumentVersion) -> DocumentVersion:
    """Put an approved version in force; the one in force before it is superseded."""
    require_approver(actor, version.document.organization, "publish documents")
    version = _locked_version(version)
    document = version.document
    require_active(document)
    if version.state != State.APPROVED:
        raise ActionError(
            f"Version {version.number} is {_state_label(version)}; only an approved one is published."
        )
    now = timezone.now()
    for previous in DocumentVersion.objects.select_for_update().filter(
        document=document, state=State.PUBLISHED
    ):
        previous.state, previous.superseded_at = State.SUPERSEDED, now
        previous.save(update_fields=["state", "superseded_at", "updated_at"])
        data = version_data(previous, by_version=version.number)
        record(actor=actor, verb="document_version.superseded", target=previous, data=data)
    version.state, version.published_by, version.published_at = State.PUBLISHED, actor, now
    version.save(update_fields=["state", "published_by", "published_at", "updated_at"])
    before = {"current_version": document.current_version_id, "next_review_on": document.next_review_on}
    document.current_version = version
    document.next_review_on = add_months(timezone.localdate(), document.review_interval_months)
    document.save(update_fields=["current_version", "next_review_on", "updated_at"])
    after = {"current_version": version.pk, "next_review_on": document.next_review_on}
    record(
        actor=actor,
        verb="document_version.published",
        target=version,
        before=before,
        after=after,
        data=version_data(version),
    )
    return version
