"""Documented information (clause 7.5): a register of controlled documents and their versions.

A version moves draft → in review → approved (or changes requested) → published; publishing a newer version
supersedes the one before. A published version never changes: a change is a new version. Every move goes
through `aims.documents.actions`.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from aims.lib.errors import ActionError
from aims.organizations.models import Organization

HELP = {
    "reference": "Your identifier, unique in the organisation (e.g. POL-001), so other records can cite it.",
    "title": "The document's name as readers know it.",
    "kind": "Policy, procedure, scope, plan, record template, or a document of external origin "
    "(clause 7.5.3: external documents are controlled too).",
    "description": "What the document is for and who it is for.",
    "owner": "The member who keeps the document current and answers for it. Must be a member.",
    "classification": "Who may see it (clause 7.5.3: protection from loss of confidentiality).",
    "retention_months": "How long superseded versions are kept, in months (clause 7.5.3: retention and "
    "disposition). Empty means kept for as long as the organisation exists.",
    "review_interval_months": "How often the document is reviewed, in months; the next review date "
    "follows from the last publication or review.",
    "next_review_on": "When the document is next due for review.",
    "distribution": "The members who must read it; an acknowledgement campaign asks each of them (7.3).",
    "body": "The text, in Markdown. Raw HTML is not rendered.",
    "change_summary": "What changed from the previous version, in a line or two.",
    "file": "An attached file (PDF, office document, image), if the document is not, or not only, text.",
}


class DocumentQuerySet(models.QuerySet["Document"]):
    def active(self) -> DocumentQuerySet:
        return self.filter(status=Document.Status.ACTIVE)

    def review_due(self, on: date | None = None) -> DocumentQuerySet:
        """Active documents whose next review date is on or before `on` (today by default)."""
        return self.active().filter(next_review_on__lte=on or timezone.localdate())


class Document(models.Model):
    """A controlled document: its metadata, review cycle and distribution; the text lives in versions."""

    evidences: ClassVar[tuple[str, ...]] = ("7.5.1", "7.5.2", "7.5.3")

    class Kind(models.TextChoices):
        POLICY = "policy", "Policy"
        PROCEDURE = "procedure", "Procedure"
        SCOPE = "scope", "Scope"
        PLAN = "plan", "Plan"
        RECORD_TEMPLATE = "record_template", "Record template"
        EXTERNAL = "external", "External origin"

    class Classification(models.TextChoices):
        PUBLIC = "public", "Public"
        INTERNAL = "internal", "Internal"
        CONFIDENTIAL = "confidential", "Confidential"
        RESTRICTED = "restricted", "Restricted"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        WITHDRAWN = "withdrawn", "Withdrawn"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(max_length=30, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    kind = models.CharField(max_length=20, choices=Kind.choices, help_text=HELP["kind"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    classification = models.CharField(
        max_length=20,
        choices=Classification.choices,
        default=Classification.INTERNAL,
        help_text=HELP["classification"],
    )
    retention_months = models.PositiveIntegerField(null=True, blank=True, help_text=HELP["retention_months"])
    review_interval_months = models.PositiveSmallIntegerField(
        default=12, help_text=HELP["review_interval_months"]
    )
    next_review_on = models.DateField(null=True, blank=True, help_text=HELP["next_review_on"])
    distribution = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", help_text=HELP["distribution"]
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    current_version = models.ForeignKey(
        "DocumentVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The published version in force, if any.",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    withdrawal_reason = models.TextField(blank=True)
    last_reviewed_at = models.DateTimeField(
        null=True, blank=True, help_text="When the document was last reviewed and found still right."
    )
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ("reference",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="doc_unique_reference")
        ]
        indexes = [
            models.Index(fields=["organization", "status", "kind", "reference"], name="doc_org_status_kind"),
            models.Index(fields=["organization", "next_review_on"], name="doc_org_next_review"),
            models.Index(fields=["organization", "title"], name="doc_org_title"),
            models.Index(fields=["organization", "owner", "reference"], name="doc_org_owner_ref"),
            # doc_org_review_desc (organization, next_review_on DESC NULLS LAST, id DESC) is made by migration
            # 0004 per database: SQLite's CREATE INDEX takes no NULLS LAST (its DESC puts NULLs last anyway).
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    @property
    def is_review_overdue(self) -> bool:
        return (
            self.status == self.Status.ACTIVE
            and self.next_review_on is not None
            and self.next_review_on < timezone.localdate()
        )


class DocumentVersion(models.Model):
    """One version of a document. Once published it never changes; a change is a new version."""

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"
        SUPERSEDED = "superseded", "Superseded"

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    body = models.TextField(blank=True, help_text=HELP["body"])
    change_summary = models.CharField(max_length=300, blank=True, help_text=HELP["change_summary"])
    file = models.FileField(upload_to="documents/%Y/%m/", blank=True, help_text=HELP["file"])
    file_name = models.CharField(max_length=255, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, blank=True)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_content_type = models.CharField(max_length=100, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    review_comment = models.TextField(blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    superseded_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("document", "-number")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="docversion_unique_number")
        ]
        indexes = [
            models.Index(fields=["document", "state"], name="docversion_doc_state"),
            models.Index(fields=["state", "document"], name="docversion_state_doc"),
        ]

    def __str__(self) -> str:
        return f"{self.document.reference} v{self.number}"

    # Columns that never change once a version is frozen; the database refuses it too (migration 0002).
    FROZEN_COLUMNS: ClassVar[tuple[str, ...]] = ("body", "file", "change_summary", "number", "document_id")

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Refuse to write new text, file or summary over a frozen version, however the save was reached."""
        if self.pk is not None:
            stored = DocumentVersion.objects.filter(pk=self.pk).values("state", *self.FROZEN_COLUMNS).first()
            if stored is not None and stored["state"] in FROZEN_STATES:
                changed = [name for name in self.FROZEN_COLUMNS if stored[name] != _column(self, name)]
                if changed:
                    raise FrozenVersionError(
                        f"Version {stored['number']} is {stored['state'].replace('_', ' ')}; it never "
                        f"changes ({', '.join(changed)}). Start a new version instead."
                    )
        super().save(*args, **kwargs)

    @property
    def organization(self) -> Organization:
        """The document's organisation (the audit trail files version events under it)."""
        return self.document.organization

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_frozen(self) -> bool:
        """Published and superseded versions, and approved ones awaiting publication, never change."""
        return self.state in {self.State.APPROVED, self.State.PUBLISHED, self.State.SUPERSEDED}


FROZEN_STATES = frozenset(
    {DocumentVersion.State.APPROVED, DocumentVersion.State.PUBLISHED, DocumentVersion.State.SUPERSEDED}
)
EDITABLE_STATES = frozenset({DocumentVersion.State.DRAFT, DocumentVersion.State.CHANGES_REQUESTED})
IN_PROGRESS_STATES = frozenset(
    {
        DocumentVersion.State.DRAFT,
        DocumentVersion.State.IN_REVIEW,
        DocumentVersion.State.CHANGES_REQUESTED,
        DocumentVersion.State.APPROVED,
    }
)


class FrozenVersionError(ActionError):
    """An attempt to change the text, file or summary of an approved, published or superseded version."""

    def __init__(self, message: str) -> None:
        super().__init__(message, code="frozen")


def _column(version: DocumentVersion, name: str) -> Any:
    value = getattr(version, name)
    return value.name if name == "file" else value


@receiver(pre_delete, sender=DocumentVersion, dispatch_uid="documents_refuse_frozen_delete")
def _refuse_frozen_delete(sender: type[DocumentVersion], instance: DocumentVersion, **kwargs: Any) -> None:
    """Published and superseded versions are records: documents are withdrawn, never deleted.

    This guard sees every ORM delete, cascades included; PostgreSQL also refuses in a trigger (0003).
    """
    if instance.state in {DocumentVersion.State.PUBLISHED, DocumentVersion.State.SUPERSEDED}:
        raise FrozenVersionError(
            f"Version {instance.number} is {instance.state}; it is kept as a record and never deleted."
        )
