"""The organisation's controls: the 38 Annex A controls and its own, each with its Statement of Applicability
entry (6.1.3)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction

from aims.catalog.models import CatalogItem
from aims.catalog.queries import get_framework
from aims.organizations.models import Organization

HELP = {
    "reference": 'The control\'s ID: the Annex A ID ("A.6.2.4") or your own (e.g. "ORG-001").',
    "title": "A short name for the control.",
    "description": "What the control does, in your own words.",
    "decision": "Whether the control applies to your AI management system: included or excluded, each with "
    "its justification (clause 6.1.3).",
    "exclusion_justification": "Why the control is not needed, in words an auditor can check (clause 6.1.3). "
    "Required when the control is excluded.",
    "implementation_status": "How far the control is put in place. Not applicable is for excluded controls.",
    "owner": "The member who answers for the control being in place. Must be a member.",
    "implementation": "How the control is implemented: the process, tool or document that does it.",
    "target_on": "When the control should be fully implemented.",
    "reason_kind": "Why the control is included: it treats risks, a law or contract requires it, the "
    "business needs it, or it is good practice.",
    "reason_note": "What makes this reason hold, in a sentence.",
    "obligations": "The obligations (from Context and obligations) that require the control.",
}


class ControlQuerySet(models.QuerySet["Control"]):
    def for_organization(self, organization: Organization) -> ControlQuerySet:
        return self.filter(organization=organization)


class Decision(models.TextChoices):
    UNDECIDED = "undecided", "Undecided"
    INCLUDED = "included", "Included"
    EXCLUDED = "excluded", "Excluded"


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    PLANNED = "planned", "Planned"
    PARTIAL = "partial", "Partially implemented"
    IMPLEMENTED = "implemented", "Implemented"
    NOT_APPLICABLE = "not_applicable", "Not applicable"


class Control(models.Model):
    """One control of an organisation: an Annex A control from the catalogue, or one of its own, with its
    entry in the Statement of Applicability (decision, reasons, implementation)."""

    evidences: ClassVar[tuple[str, ...]] = ("6.1.3",)

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
    decision = models.CharField(
        max_length=20, choices=Decision.choices, default=Decision.UNDECIDED, help_text=HELP["decision"]
    )
    exclusion_justification = models.TextField(blank=True, help_text=HELP["exclusion_justification"])
    implementation_status = models.CharField(
        max_length=20,
        choices=ImplementationStatus.choices,
        default=ImplementationStatus.NOT_STARTED,
        help_text=HELP["implementation_status"],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    implementation = models.TextField("how it is implemented", blank=True, help_text=HELP["implementation"])
    target_on = models.DateField("target date", null=True, blank=True, help_text=HELP["target_on"])
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
        indexes = [
            models.Index(fields=["organization", "position"], name="control_org_position"),
            models.Index(fields=["organization", "decision"], name="control_org_decision"),
            models.Index(fields=["organization", "implementation_status"], name="control_org_status"),
            models.Index(fields=["organization", "owner"], name="control_org_owner"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_custom(self) -> bool:
        return self.catalog_item_id is None

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.decision == Decision.EXCLUDED and not self.exclusion_justification.strip():
            errors["exclusion_justification"] = f"Say why {self.reference} is excluded; an auditor will ask."
        if self.decision != Decision.EXCLUDED and self.exclusion_justification.strip():
            errors["exclusion_justification"] = "Only an excluded control has an exclusion justification."
        not_applicable = self.implementation_status == ImplementationStatus.NOT_APPLICABLE
        if not_applicable and self.decision != Decision.EXCLUDED:
            errors["implementation_status"] = "Only an excluded control is “not applicable”."
        if errors:
            raise ValidationError(errors)


class ApplicabilityReason(models.Model):
    """One reason for including a control in the Statement of Applicability (clause 6.1.3)."""

    class Kind(models.TextChoices):
        RISK_TREATMENT = "risk_treatment", "Risk treatment"
        LEGAL_REGULATORY = "legal_regulatory", "Legal or regulatory requirement"
        CONTRACTUAL = "contractual", "Contractual requirement"
        BUSINESS_NEED = "business_need", "Business need"
        BEST_PRACTICE = "best_practice", "Best practice"

    CITES_OBLIGATIONS: ClassVar[frozenset[str]] = frozenset({Kind.LEGAL_REGULATORY, Kind.CONTRACTUAL})

    control = models.ForeignKey(Control, on_delete=models.CASCADE, related_name="reasons")
    kind = models.CharField(max_length=30, choices=Kind.choices, help_text=HELP["reason_kind"])
    note = models.TextField(blank=True, help_text=HELP["reason_note"])
    obligations = models.ManyToManyField(
        "context.Obligation", blank=True, related_name="soa_reasons", help_text=HELP["obligations"]
    )

    class Meta:
        ordering = ("control", "pk")
        constraints = [models.UniqueConstraint(fields=["control", "kind"], name="soa_reason_unique_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()


class SoAVersionQuerySet(models.QuerySet["SoAVersion"]):
    def update(self, **kwargs: Any) -> int:
        raise ValidationError("An approved Statement of Applicability never changes; approve a new version.")


class SoAVersion(models.Model):
    """An approved Statement of Applicability, frozen: the snapshot of every control's entry at approval."""

    evidences: ClassVar[tuple[str, ...]] = ("6.1.3",)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The version number, from 1.")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", help_text="Who approved it."
    )
    approved_by_name = models.CharField(max_length=300, help_text="The approver's name when approving.")
    approved_at = models.DateTimeField()
    note = models.TextField(blank=True, help_text="What changed since the last version, for the record.")
    snapshot = models.JSONField(help_text="Every control's entry as approved.")
    content_hash = models.CharField(max_length=64, help_text="SHA-256 of the snapshot's canonical JSON.")

    objects = SoAVersionQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="soa_version_unique_number")
        ]

    def __str__(self) -> str:
        return f"SoA v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValidationError(f"SoA version {self.number} is approved and never changes.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise ValidationError(f"SoA version {self.number} is approved and is kept for the record.")

    @property
    def entries(self) -> list[dict[str, Any]]:
        return list(self.snapshot.get("controls", []))


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
