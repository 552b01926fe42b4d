"""The organisation's controls: the 38 Annex A controls and its own, each with its Statement of Applicability
entry (6.1.3)."""

from __future__ import annotations

from django.db import models, transaction

from aims.catalog.models import CatalogItem
from aims.catalog.queries import get_framework
from aims.organizations.models import Organization

HELP = {
    "reference": 'The control\'s ID: the Annex A ID ("A.6.2.4") or your own (e.g. "ORG-001").',
    "title": "A short name for the control.",
    "description": "What the control does, in your own words.",
}


class ControlQuerySet(models.QuerySet["Control"]):
    def for_organization(self, organization: Organization) -> ControlQuerySet:
        return self.filter(organization=organization)


class Control(models.Model):
    """One control of an organisation: an Annex A control from the catalogue, or one of its own."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    catalog_item = models.ForeignKey(
        CatalogItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The Annex A control this is; empty for the organisation's own controls.",
    )
    reference = models.CharField(max_length=30, help_text=HELP["reference"])
    title = models.CharField(max_length=300, help_text=HELP["title"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    position = models.PositiveIntegerField(default=0, help_text="Order in the Statement of Applicability.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ControlQuerySet.as_manager()

    class Meta:
        ordering = ("position", "reference")
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="control_unique_reference"),
            models.UniqueConstraint(
                fields=["organization", "catalog_item"],
                condition=models.Q(catalog_item__isnull=False),
                name="control_unique_catalog_item",
            ),
        ]
        indexes = [models.Index(fields=["organization", "position"], name="control_org_position")]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_custom(self) -> bool:
        return self.catalog_item_id is None


CUSTOM_POSITION = 10_000  # the organisation's own controls follow Annex A


@transaction.atomic
def ensure_annex_a_controls(organization: Organization) -> list[Control]:
    """Add the Annex A controls the organisation lacks (one bulk insert); return all its controls.

    Needs the catalogue loaded (`aims catalog load`); without it only the organisation's own controls exist.
    """
    framework = get_framework()
    if framework is not None:
        annex_a = CatalogItem.objects.filter(framework=framework, kind=CatalogItem.Kind.CONTROL)
        items = list(annex_a.order_by("position"))
        have = set(
            Control.objects.filter(organization=organization, catalog_item__isnull=False).values_list(
                "catalog_item_id", flat=True
            )
        )
        Control.objects.bulk_create(
            [
                Control(
                    organization=organization,
                    catalog_item=item,
                    reference=item.ref,
                    title=item.title,
                    position=item.position,
                )
                for item in items
                if item.pk not in have
            ]
        )
    return list(Control.objects.filter(organization=organization).select_related("catalog_item"))
