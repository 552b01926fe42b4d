"""Suppliers and customers of the organisation (A.10.3, A.10.4)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.organizations.models import Membership, Organization
from aims.third_parties.models.choices import Outcome

if TYPE_CHECKING:
    from aims.accounts.models import User


class ThirdPartyQuerySet(models.QuerySet["ThirdParty"]):
    def visible_to(self, user: User) -> ThirdPartyQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def in_organization(self, organization: Organization) -> ThirdPartyQuerySet:
        return self.filter(organization=organization)

    def current(self) -> ThirdPartyQuerySet:
        return self.exclude(status=ThirdParty.Status.ARCHIVED)

    def review_due(self) -> ThirdPartyQuerySet:
        return self.current().filter(next_review_on__lte=timezone.localdate())


class ThirdParty(models.Model):
    """A company or body the organisation buys AI-related things from, sells them to, or both."""

    evidences: ClassVar[tuple[str, ...]] = ("A.10.2", "A.10.3", "A.10.4")

    class Kind(models.TextChoices):
        SUPPLIER = "supplier", "Supplier"
        CUSTOMER = "customer", "Customer"
        BOTH = "both", "Supplier and customer"

    class Category(models.TextChoices):
        MODEL_PROVIDER = "model_provider", "Model provider"
        DATA_SUPPLIER = "data_supplier", "Data supplier"
        CLOUD = "cloud", "Cloud or computing"
        SERVICE = "service", "Service"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROSPECTIVE = "prospective", "Under evaluation"
        ACTIVE = "active", "Active"
        ARCHIVED = "archived", "Archived"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="third_parties")
    reference = models.CharField(
        max_length=40,
        help_text="Your identifier for this supplier or customer, unique in the organisation (e.g. SUP-007).",
    )
    name = models.CharField(max_length=200, help_text="The company's or body's usual name.")
    kind = models.CharField(
        max_length=20,
        choices=Kind.choices,
        default=Kind.SUPPLIER,
        help_text="Whether they supply you (A.10.3), are your customer (A.10.4), or both.",
    )
    categories = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "What they provide: AI models, data, cloud computing, services. A.10.3 asks you to know what "
            "each supplier contributes to your AI systems."
        ),
    )
    country = models.CharField(
        max_length=60,
        blank=True,
        help_text="Where they are established; it matters for data transfers and for the EU AI Act.",
    )
    contact = models.CharField(
        max_length=200, blank=True, help_text="Who to contact about the relationship: name, e-mail or phone."
    )
    website = models.URLField(blank=True, help_text="Their website, e.g. https://example.com.")
    notes = models.TextField(blank=True, help_text="Anything else worth knowing about them.")
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text=(
            "Under evaluation while you check them (A.10.3 selection), active once you work with them. "
            "Archiving is a separate step."
        ),
    )
    # Kept by the actions, so that lists filter and sort on indexed columns.
    next_review_on = models.DateField(
        null=True,
        blank=True,
        help_text="The earliest review date among its active relationships and its next due diligence.",
    )
    due_diligence_outcome = models.CharField(
        max_length=30, choices=Outcome.choices, blank=True, help_text="Outcome of the latest due diligence."
    )
    due_diligence_on = models.DateField(null=True, blank=True, help_text="Date of the latest due diligence.")
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ThirdPartyQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "third party"
        verbose_name_plural = "third parties"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "reference"], name="third_party_unique_reference"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "name", "id"], name="tp_org_name"),
            models.Index(fields=["organization", "kind", "name"], name="tp_org_kind"),
            models.Index(fields=["organization", "status", "name"], name="tp_org_status"),
            models.Index(fields=["organization", "next_review_on"], name="tp_org_review"),
            models.Index(fields=["organization", "updated_at"], name="tp_org_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        categories = self.categories if isinstance(self.categories, list) else None
        if categories is None:
            errors["categories"] = 'Give the categories as a list, e.g. ["model_provider", "cloud"].'
        else:
            unknown = sorted({str(value) for value in categories} - set(self.Category.values))
            if unknown:
                known = ", ".join(self.Category.values)
                errors["categories"] = f"Unknown categor(ies): {', '.join(unknown)}. Choose from {known}."
            else:
                self.categories = [value for value in self.Category.values if value in categories]
        if self.reference and self.organization_id and self._reference_taken():
            errors["reference"] = f"Another third party already has the reference {self.reference}."
        if errors:
            raise ValidationError(errors)

    def _reference_taken(self) -> bool:
        others = ThirdParty.objects.filter(organization_id=self.organization_id, reference=self.reference)
        return others.exclude(pk=self.pk).exists()

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    @property
    def is_review_due(self) -> bool:
        return self.next_review_on is not None and self.next_review_on <= timezone.localdate()

    @property
    def category_labels(self) -> list[str]:
        labels = dict(self.Category.choices)
        return [str(labels.get(value, value)) for value in self.categories or []]

    @property
    def may_supply(self) -> bool:
        return self.kind in (self.Kind.SUPPLIER, self.Kind.BOTH)

    @property
    def may_buy(self) -> bool:
        return self.kind in (self.Kind.CUSTOMER, self.Kind.BOTH)
