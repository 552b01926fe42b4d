"""API shapes of the document register: query parameters, input for create and patch, and output."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from ninja import Field, Schema

from aims.documents.models import HELP, Document, DocumentVersion
from aims.documents.queries import ALL, DocumentFilter

Kind = Literal["policy", "procedure", "scope", "plan", "record_template", "external"]
Classification = Literal["public", "internal", "confidential", "restricted"]
Stage = Literal["draft", "in_review", "changes_requested", "approved"]
OWNER = "The owner's e-mail address. " + HELP["owner"]
DISTRIBUTION = "E-mail addresses of the members who must read it (7.3)."


class OrganizationParam(Schema):
    organization: str = Field(..., max_length=60, description="The organisation's slug.")


class DocumentQuery(OrganizationParam):
    q: str = Field("", max_length=200, description="Search in reference and title.")
    kind: Kind | None = None
    status: Literal["active", "withdrawn", "all"] = Field("active", description="Document status.")
    stage: Stage | None = Field(None, description="Only documents with a version in this state.")
    owner: int | None = Field(None, description="Only documents this member (user id) owns.")
    review: Literal["overdue", "30", "90"] | None = Field(
        None, description="Review overdue, or due within 30 or 90 days."
    )
    ordering: Literal["reference", "-reference", "title", "-title", "kind", "-kind", "review", "-review"] = (
        "reference"
    )

    def document_filter(self) -> DocumentFilter:
        return DocumentFilter(
            q=self.q.strip(),
            kind=self.kind or "",
            status=ALL if self.status == "all" else self.status,
            stage=self.stage or "",
            owner_id=self.owner,
            review=self.review or "",
            sort=self.ordering,
        )


class DocumentIn(Schema):
    reference: str = Field("", max_length=30, description=HELP["reference"] + " Empty: the next number.")
    title: str = Field(..., min_length=1, max_length=200, description=HELP["title"])
    kind: Kind = Field(..., description=HELP["kind"])
    description: str = Field("", description=HELP["description"])
    owner: str | None = Field(None, max_length=254, description=OWNER)
    classification: Classification = Field("internal", description=HELP["classification"])
    retention_months: int | None = Field(None, ge=1, le=1200, description=HELP["retention_months"])
    review_interval_months: int = Field(12, ge=1, le=120, description=HELP["review_interval_months"])
    distribution: list[str] = Field(default_factory=list, description=DISTRIBUTION)
    body: str = Field("", description="The text of version 1. " + HELP["body"])
    change_summary: str = Field("", max_length=300, description=HELP["change_summary"])


class DocumentPatch(Schema):
    reference: str | None = Field(None, min_length=1, max_length=30)
    title: str | None = Field(None, min_length=1, max_length=200)
    kind: Kind | None = None
    description: str | None = None
    owner: str | None = Field(None, max_length=254, description=OWNER + " Empty string: no owner.")
    classification: Classification | None = None
    retention_months: int | None = Field(None, ge=1, le=1200)
    review_interval_months: int | None = Field(None, ge=1, le=120)
    distribution: list[str] | None = Field(None, description=DISTRIBUTION)


class VersionPatch(Schema):
    body: str | None = Field(None, description=HELP["body"])
    change_summary: str | None = Field(None, max_length=300, description=HELP["change_summary"])


class VersionForm(Schema):
    """Multipart fields of a new version (the file goes in the `upload` part)."""

    body: str | None = Field(None, description="Empty: start from the latest version's text.")
    change_summary: str = Field("", max_length=300, description=HELP["change_summary"])


class CommentIn(Schema):
    comment: str = Field("", description="For the author; required when requesting changes.")


class WithdrawIn(Schema):
    reason: str = Field(..., min_length=1, description="Why the document is no longer in force.")


class ReviewIn(Schema):
    notes: str = Field("", description="What the review looked at.")


class FileOut(Schema):
    name: str
    size: int | None
    sha256: str
    content_type: str


def _email(user: Any) -> str | None:
    return user.email if user is not None else None


class VersionSummaryOut(Schema):
    number: int
    state: str
    change_summary: str
    author: str | None
    submitted_at: datetime | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    review_comment: str
    published_by: str | None
    published_at: datetime | None
    superseded_at: datetime | None
    file: FileOut | None

    @staticmethod
    def resolve_author(version: DocumentVersion) -> str | None:
        return _email(version.author)

    @staticmethod
    def resolve_reviewed_by(version: DocumentVersion) -> str | None:
        return _email(version.reviewed_by)

    @staticmethod
    def resolve_published_by(version: DocumentVersion) -> str | None:
        return _email(version.published_by)

    @staticmethod
    def resolve_file(version: DocumentVersion) -> dict[str, Any] | None:
        if not version.file:
            return None
        return {
            "name": version.file_name,
            "size": version.file_size,
            "sha256": version.file_sha256,
            "content_type": version.file_content_type,
        }


class VersionOut(VersionSummaryOut):
    document: int = Field(..., description="The document's id.")
    body: str

    @staticmethod
    def resolve_document(version: DocumentVersion) -> int:
        return version.document_id


class DocumentOut(Schema):
    id: int
    organization: str
    reference: str
    title: str
    kind: str
    description: str
    owner: str | None
    classification: str
    retention_months: int | None
    review_interval_months: int
    next_review_on: date | None
    is_review_overdue: bool
    status: str
    current_version: int | None = Field(None, description="The number of the published version in force.")
    distribution: list[str]
    withdrawn_at: datetime | None
    withdrawal_reason: str
    evidences: list[str] = Field(default_factory=lambda: list(Document.evidences))

    @staticmethod
    def resolve_organization(document: Document) -> str:
        return document.organization.slug

    @staticmethod
    def resolve_owner(document: Document) -> str | None:
        return _email(document.owner)

    @staticmethod
    def resolve_current_version(document: Document) -> int | None:
        return document.current_version.number if document.current_version else None

    @staticmethod
    def resolve_distribution(document: Document) -> list[str]:
        return sorted(person.email for person in document.distribution.all())


class DiffLineOut(Schema):
    kind: Literal["same", "added", "removed", "skipped"]
    text: str
    old: int | None
    new: int | None


class DiffOut(Schema):
    a: int
    b: int
    added: int
    removed: int
    metadata: list[dict[str, Any]] = Field(..., description="Version details that differ: field, a, b.")
    lines: list[DiffLineOut]
