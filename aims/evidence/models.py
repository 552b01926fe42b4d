"""The evidence register: files and links that show requirements are met, each with an owner and a validity.

One evidence item supports any number of catalogue requirements (clauses, Annex A controls) and records of
the same organisation (an AI system, a control, a document, a risk …) through `EvidenceLink`. Evidence is
never deleted: it is retired, and its file is kept.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import ClassVar

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.organizations.models import Organization

EXPIRING_DAYS = 30
PREFIX = "EV-"

HELP = {
    "title": 'A short name that says what this shows, e.g. "Bias test report, credit model v3".',
    "description": "What the evidence is, how it was produced, and what it shows.",
    "kind": "An uploaded file, or a link to where the evidence lives (a wiki page, a ticket, a repository).",
    "url": "The address of the evidence: http:// or https:// only.",
    "owner": "The member who keeps this evidence current and answers for it. Must be a member.",
    "collected_on": "When the evidence was produced or collected.",
    "valid_until": "The last day the evidence can be relied on (a certificate's expiry, the next test "
    "run); empty if it does not expire. It shows as expiring 30 days before.",
    "note": "Why this evidence supports it, in a line (optional).",
}


class Freshness(models.TextChoices):
    """Derived from `valid_until` and today; never stored."""

    CURRENT = "current", "Current"
    EXPIRING = "expiring", "Expiring soon"
    EXPIRED = "expired", "Expired"


def expiring_horizon(today: date | None = None) -> date:
    return (today or timezone.localdate()) + timedelta(days=EXPIRING_DAYS)


def _upload_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.organization_id}/{filename}"


class EvidenceQuerySet(models.QuerySet["Evidence"]):
    def active(self) -> EvidenceQuerySet:
        return self.filter(status=Evidence.Status.ACTIVE)

    def expired(self, today: date | None = None) -> EvidenceQuerySet:
        return self.filter(valid_until__lt=today or timezone.localdate())

    def expiring(self, today: date | None = None) -> EvidenceQuerySet:
        today = today or timezone.localdate()
        return self.filter(valid_until__gte=today, valid_until__lte=expiring_horizon(today))

    def current(self, today: date | None = None) -> EvidenceQuerySet:
        horizon = expiring_horizon(today)
        return self.filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gt=horizon))


class Evidence(models.Model):
    """One piece of evidence: an uploaded file (with its SHA-256) or a link."""

    evidences: ClassVar[tuple[str, ...]] = ("7.5.2", "7.5.3")

    class Kind(models.TextChoices):
        FILE = "file", "File"
        LINK = "link", "Link"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        RETIRED = "retired", "Retired"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference EV-0001, given by aims.")
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    kind = models.CharField(max_length=10, choices=Kind.choices, help_text=HELP["kind"])
    file = models.FileField(upload_to=_upload_path, max_length=200, blank=True)
    file_name = models.CharField("original file name", max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField("size in bytes", null=True, blank=True)
    sha256 = models.CharField("SHA-256", max_length=64, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    url = models.URLField("link", max_length=2000, blank=True, help_text=HELP["url"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    collected_on = models.DateField(help_text=HELP["collected_on"])
    valid_until = models.DateField(null=True, blank=True, help_text=HELP["valid_until"])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    retired_reason = models.TextField(blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="evidence_unique_number"),
            models.CheckConstraint(
                condition=(models.Q(kind="file") & ~models.Q(file="") & models.Q(url=""))
                | (models.Q(kind="link") & models.Q(file="") & ~models.Q(url="")),
                name="evidence_file_or_link",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="evidence_org_status_num"),
            models.Index(fields=["organization", "status", "valid_until"], name="evidence_org_status_valid"),
            models.Index(fields=["organization", "kind", "number"], name="evidence_org_kind_num"),
            models.Index(fields=["organization", "owner", "number"], name="evidence_org_owner_num"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reference(self) -> str:
        return f"{PREFIX}{self.number:04d}"

    @property
    def is_file(self) -> bool:
        return self.kind == self.Kind.FILE

    @property
    def is_retired(self) -> bool:
        return self.status == self.Status.RETIRED

    def freshness_on(self, today: date) -> Freshness:
        if self.valid_until is None or self.valid_until > expiring_horizon(today):
            return Freshness.CURRENT
        return Freshness.EXPIRED if self.valid_until < today else Freshness.EXPIRING

    @property
    def freshness(self) -> Freshness:
        return self.freshness_on(timezone.localdate())


class EvidenceLink(models.Model):
    """Evidence X supports catalogue requirement Y, or record Z of the same organisation."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    evidence = models.ForeignKey(Evidence, on_delete=models.CASCADE, related_name="links")
    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    record = GenericForeignKey("content_type", "object_id")
    note = models.CharField(max_length=300, blank=True, help_text=HELP["note"])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("pk",)
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(item__isnull=False, content_type__isnull=True, object_id__isnull=True)
                    | models.Q(item__isnull=True, content_type__isnull=False, object_id__isnull=False)
                ),
                name="evidence_link_item_or_record",
            ),
            models.UniqueConstraint(
                fields=["evidence", "item"],
                condition=models.Q(item__isnull=False),
                name="evidence_link_unique_item",
            ),
            models.UniqueConstraint(
                fields=["evidence", "content_type", "object_id"],
                condition=models.Q(content_type__isnull=False),
                name="evidence_link_unique_record",
            ),
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="evidence_link_record"),
            models.Index(fields=["organization", "item"], name="evidence_link_org_item"),
        ]

    def __str__(self) -> str:
        target = self.item.ref if self.item_id and self.item else f"{self.content_type_id}:{self.object_id}"
        return f"{self.evidence_id} → {target}"

    @property
    def is_requirement(self) -> bool:
        return self.item_id is not None
