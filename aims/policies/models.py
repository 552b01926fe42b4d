"""The AI policy (5.2, A.2.2), the policies it aligns with (A.2.3), its reviews (A.2.4), and top management's
commitment (5.1).

The policy text itself is a controlled document of the documents app; this app marks which document is the
AI policy and keeps the records around it. Every write goes through `aims.policies.actions`.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization

HELP = {
    "aligned_document": "Another of the organisation's policies that the AI policy must be consistent with "
    "(A.2.3), e.g. the information security, privacy or quality policy.",
    "note": "How the two fit together: which topics the other policy covers, and where the AI policy "
    "defers to it or adds to it (A.2.3).",
    "review_document": "The policy that was reviewed (A.2.4).",
    "review_version": "The version that was reviewed; by default the one in force.",
    "reviewed_on": "The day of the review.",
    "reviewers": "The members who took part in the review.",
    "outcome": "What the review concluded: no change, an update is needed, a major revision, or the "
    "policy is withdrawn.",
    "findings": "What the reviewers found: whether the policy is still suitable, adequate and effective, "
    "and why (A.2.4).",
    "next_review_on": "When the policy is next reviewed; empty means after the document's review interval. "
    "Recording the review moves the document's next review date.",
    "commitment_kind": "What top management did to show leadership of the AI management system (5.1).",
    "member": "The member of top management who did it.",
    "occurred_on": "When it happened.",
    "commitment_description": "What was done, in a few sentences: what was signed, allocated, assigned, "
    "decided or said, and to whom.",
    "link": "Optional: where the evidence is (minutes, intranet post, signed statement).",
}


class AIPolicy(models.Model):
    """Marks the organisation's AI policy document: one per organisation (5.2)."""

    evidences: ClassVar[tuple[str, ...]] = ("5.2", "A.2.2")

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="+")
    document = models.OneToOneField(Document, on_delete=models.RESTRICT, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "AI policy"
        verbose_name_plural = "AI policies"

    def __str__(self) -> str:
        return f"AI policy of {self.organization_id}"


class AlignedPolicy(models.Model):
    """Another organisational policy the AI policy must align with, and how it aligns (A.2.3)."""

    evidences: ClassVar[tuple[str, ...]] = ("A.2.3",)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="+", help_text=HELP["aligned_document"]
    )
    note = models.TextField("how it aligns", help_text=HELP["note"])
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    linked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("document__reference", "pk")
        verbose_name_plural = "aligned policies"
        constraints = [
            models.UniqueConstraint(fields=["organization", "document"], name="pol_aligned_unique_document")
        ]

    def __str__(self) -> str:
        return f"Aligned with {self.document_id}"


class PolicyReview(models.Model):
    """A review of a policy at planned intervals, with its outcome (A.2.4)."""

    evidences: ClassVar[tuple[str, ...]] = ("A.2.4",)

    class Outcome(models.TextChoices):
        NO_CHANGE = "no_change", "No change"
        UPDATE_NEEDED = "update_needed", "Update needed"
        MAJOR_REVISION = "major_revision", "Major revision"
        WITHDRAWN = "withdrawn", "Withdrawn"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="+", help_text=HELP["review_document"]
    )
    version = models.ForeignKey(
        DocumentVersion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["review_version"],
    )
    reviewed_on = models.DateField(help_text=HELP["reviewed_on"])
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", help_text=HELP["reviewers"]
    )
    outcome = models.CharField(max_length=20, choices=Outcome.choices, help_text=HELP["outcome"])
    findings = models.TextField(help_text=HELP["findings"])
    next_review_on = models.DateField(null=True, blank=True, help_text=HELP["next_review_on"])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-reviewed_on", "-pk")
        indexes = [
            models.Index(fields=["organization", "reviewed_on"], name="pol_review_org_date"),
            models.Index(fields=["organization", "outcome", "reviewed_on"], name="pol_review_org_outcome"),
        ]

    def __str__(self) -> str:
        return f"Review of {self.reviewed_on.isoformat()}"


class CommitmentRecord(models.Model):
    """Something top management did to lead and commit to the AI management system (5.1)."""

    evidences: ClassVar[tuple[str, ...]] = ("5.1",)

    class Kind(models.TextChoices):
        SIGNED_STATEMENT = "signed_statement", "Signed statement"
        RESOURCES = "resources_allocated", "Resources allocated"
        ROLES = "roles_assigned", "Roles assigned"
        MANAGEMENT_REVIEW = "management_review", "Took part in management review"
        COMMUNICATION = "communication", "Communication"
        OTHER = "other", "Other"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30, choices=Kind.choices, help_text=HELP["commitment_kind"])
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text=HELP["member"],
    )
    occurred_on = models.DateField("when", help_text=HELP["occurred_on"])
    description = models.TextField(help_text=HELP["commitment_description"])
    link = models.URLField(max_length=500, blank=True, help_text=HELP["link"])
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-occurred_on", "-pk")
        indexes = [
            models.Index(fields=["organization", "occurred_on"], name="pol_commit_org_date"),
            models.Index(fields=["organization", "kind", "occurred_on"], name="pol_commit_org_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on.isoformat()}"
