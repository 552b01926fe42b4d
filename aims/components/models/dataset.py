"""The dataset register (A.4.3, A.7.2 to A.7.6) and each dataset's provenance timeline (A.7.5)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.ai_systems.models import AISystem
from aims.components.models.base import Component, ComponentQuerySet


class SpecialCategory(models.TextChoices):
    """Special categories of personal data, GDPR article 9(1)."""

    RACIAL_ETHNIC = "racial_ethnic_origin", "Racial or ethnic origin"
    POLITICAL = "political_opinions", "Political opinions"
    RELIGIOUS = "religious_beliefs", "Religious or philosophical beliefs"
    TRADE_UNION = "trade_union_membership", "Trade union membership"
    GENETIC = "genetic", "Genetic data"
    BIOMETRIC = "biometric", "Biometric data used to identify a person"
    HEALTH = "health", "Health"
    SEX_LIFE = "sex_life_orientation", "Sex life or sexual orientation"


class DatasetQuerySet(ComponentQuerySet["Dataset"]):
    pass


class Dataset(Component):
    class Category(models.TextChoices):
        TRAINING = "training", "Training"
        VALIDATION = "validation", "Validation"
        TEST = "test", "Test"
        PRODUCTION = "production", "Production (data the system works on in use)"

    class Acquisition(models.TextChoices):
        INTERNAL = "internal", "Collected by us (own operations or records)"
        CUSTOMER = "customer", "Provided by customers or users"
        PURCHASED = "purchased", "Bought or licensed from a supplier"
        PUBLIC = "public", "Public or open data"
        SCRAPED = "scraped", "Collected from the web (scraping)"
        SYNTHETIC = "synthetic", "Synthetic (generated)"
        OTHER = "other", "Other"

    category = models.CharField(
        max_length=20,
        choices=Category.choices,
        help_text="What the data is used for in the system's life cycle (A.4.3).",
    )
    source = models.CharField(
        max_length=300,
        blank=True,
        help_text="Where the data comes from: system, supplier, public source (A.7.3).",
    )
    acquisition_method = models.CharField(
        max_length=20, choices=Acquisition.choices, blank=True, help_text="How you obtained it (A.7.3)."
    )
    volume = models.CharField(
        max_length=120, blank=True, help_text="How much data: rows, records, files or size (A.7.3)."
    )
    data_updated_on = models.DateField(
        null=True, blank=True, help_text="When the data was last refreshed or updated (A.4.3)."
    )
    usage_rights = models.TextField(
        blank=True,
        help_text="What you are allowed to do with it: consent, contract or other legal basis (A.7.3).",
    )
    licence = models.CharField(
        max_length=100, blank=True, help_text="Its licence: an SPDX identifier (CC-BY-4.0) or the contract."
    )
    contains_personal_data = models.BooleanField(
        default=False, help_text="Whether it holds information about identifiable people (GDPR, A.7.2)."
    )
    special_categories = models.JSONField(
        default=list,
        blank=True,
        help_text="Special categories of personal data it holds (GDPR art. 9); these need extra protection.",
    )
    known_bias = models.TextField(
        blank=True,
        help_text="Groups or situations under- or over-represented, and the effect on results (A.7.4).",
    )
    quality_requirements = models.TextField(
        blank=True, help_text="The quality the data must have: accuracy, completeness, timeliness (A.7.4)."
    )
    measured_quality = models.TextField(
        blank=True, help_text="The quality measured, when and how, against those requirements (A.7.4)."
    )
    preparation_steps = models.TextField(
        blank=True, help_text="Cleaning, labelling, imputation, normalisation and other preparation (A.7.6)."
    )
    retention_until = models.DateField(
        null=True, blank=True, help_text="Until when it may be kept (A.4.3); leave empty if not decided yet."
    )
    disposal_method = models.CharField(
        max_length=300, blank=True, help_text="How it is deleted or anonymised when it is no longer kept."
    )
    ai_systems = models.ManyToManyField(AISystem, related_name="datasets", blank=True)

    objects = DatasetQuerySet.as_manager()
    history = HistoricalRecords()

    evidences: ClassVar[tuple[str, ...]] = ("A.4.3", "A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6")
    editable_fields: ClassVar[tuple[str, ...]] = (
        *Component.common_fields,
        "category",
        "source",
        "acquisition_method",
        "volume",
        "data_updated_on",
        "usage_rights",
        "licence",
        "contains_personal_data",
        "special_categories",
        "known_bias",
        "quality_requirements",
        "measured_quality",
        "preparation_steps",
        "retention_until",
        "disposal_method",
    )
    reference_prefix: ClassVar[str] = "DS"
    audit_name: ClassVar[str] = "dataset"

    class Meta(Component.Meta):
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["organization", "status", "name", "id"], name="cmp_ds_org_status_name"),
            models.Index(fields=["organization", "category", "name"], name="cmp_ds_org_category_name"),
            models.Index(
                fields=["organization", "contains_personal_data", "name"], name="cmp_ds_org_personal_name"
            ),
            models.Index(fields=["organization", "retention_until"], name="cmp_ds_org_retention"),
            models.Index(fields=["organization", "updated_at"], name="cmp_ds_org_updated"),
        ]

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        categories = self.special_categories
        if not isinstance(categories, list) or not set(map(str, categories)) <= set(SpecialCategory.values):
            errors["special_categories"] = "Choose special categories from the GDPR article 9 list."
        elif categories and not self.contains_personal_data:
            errors["contains_personal_data"] = "Special categories are personal data: tick personal data too."
        if self.retention_until and not self.disposal_method.strip():
            errors["disposal_method"] = "Say how the data is deleted or anonymised when retention ends."
        if errors:
            raise ValidationError(errors)

    @property
    def special_category_labels(self) -> list[str]:
        labels = dict(SpecialCategory.choices)
        return [labels.get(value, value) for value in self.special_categories]


class ProvenanceEvent(models.Model):
    """One step in a dataset's history: made, updated, transformed, handed over or shared (A.7.5).

    Append-only: events are added by `record_provenance_event` and never changed.
    """

    class Kind(models.TextChoices):
        CREATED = "created", "Created or collected"
        UPDATED = "updated", "Updated"
        TRANSFORMED = "transformed", "Transformed (cleaned, labelled, merged, …)"
        TRANSFERRED = "transferred", "Control transferred"
        SHARED = "shared", "Shared"

    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="provenance_events")
    kind = models.CharField(max_length=20, choices=Kind.choices, help_text="What happened to the data.")
    actor_name = models.CharField(
        max_length=200, help_text="Who did it: a person, team or organisation, as you would name them."
    )
    occurred_on = models.DateField(help_text="When it happened.")
    description = models.TextField(
        help_text="What was done, to which part of the data, and where it went (for transfers and sharing)."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-occurred_on", "-pk"]
        indexes = [models.Index(fields=["dataset", "occurred_on", "id"], name="cmp_prov_dataset_on")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.occurred_on}: {self.dataset}"

    def clean(self) -> None:
        super().clean()
        if self.occurred_on and self.occurred_on > timezone.localdate():
            raise ValidationError(
                {"occurred_on": "Record what has happened: the date cannot be in the future."}
            )
