"""Frameworks as data: the clauses, controls, objectives and risk sources of ISO/IEC 42001 and others,
and links from any record of an organisation to the requirements it satisfies."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class Framework(models.Model):
    code = models.SlugField(max_length=40, unique=True, help_text='Stable key, such as "iso42001".')
    name = models.CharField(max_length=200)
    edition = models.CharField(max_length=40, help_text='The standard\'s edition, such as "2023".')
    data_version = models.PositiveIntegerField(default=1, help_text="Revision of aims's catalogue data.")
    loaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name}:{self.edition}"


class CatalogItem(models.Model):
    class Kind(models.TextChoices):
        CLAUSE = "clause", "Clause"
        CONTROL = "control", "Control"
        OBJECTIVE = "objective", "Objective"
        RISK_SOURCE = "risk_source", "Risk source"

    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="items")
    ref = models.CharField(max_length=30, help_text='The ID in the standard, such as "6.1.2" or "A.5.4".')
    title = models.CharField(max_length=200, help_text="The official title.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    annex = models.CharField(max_length=2, blank=True, help_text='"" for clauses, "A" or "C" for annexes.')
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    summary = models.TextField(blank=True, help_text="What it asks, in aims's own words.")
    documented_information = models.CharField(
        max_length=300, blank=True, help_text="The documented information it requires, if any."
    )
    position = models.PositiveIntegerField(default=0, help_text="Order within the framework.")

    class Meta:
        ordering = ["framework", "position"]
        constraints = [models.UniqueConstraint(fields=["framework", "ref"], name="catalog_item_unique_ref")]
        indexes = [models.Index(fields=["framework", "kind", "position"], name="catalog_fw_kind_pos")]

    def __str__(self) -> str:
        return f"{self.ref} {self.title}"


class RequirementLink(models.Model):
    """Record X of an organisation evidences catalogue item Y (a clause, control, …)."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    item = models.ForeignKey(CatalogItem, on_delete=models.PROTECT, related_name="links")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    record = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["item", "content_type", "object_id"], name="requirement_link_unique"
            )
        ]
        indexes = [
            models.Index(fields=["organization", "item"], name="reqlink_org_item"),
            models.Index(fields=["content_type", "object_id"], name="reqlink_record"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type.model}:{self.object_id} → {self.item.ref}"
