"""Due diligence on suppliers and customers: an append-only record of checks and their outcomes (A.10.3)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from aims.organizations.models import Organization
from aims.third_parties.models.choices import Outcome
from aims.third_parties.models.parties import ThirdParty
from aims.third_parties.models.relationships import Relationship


class DueDiligence(models.Model):
    """One check of a third party, optionally for one relationship. Never changed once recorded."""

    evidences: ClassVar[tuple[str, ...]] = ("A.10.3",)
    Outcome = Outcome

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    third_party = models.ForeignKey(ThirdParty, on_delete=models.CASCADE, related_name="due_diligences")
    relationship = models.ForeignKey(
        Relationship,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="due_diligences",
        help_text="The relationship it was done for; empty if it covers the third party as a whole.",
    )
    performed_on = models.DateField(help_text="When the check was completed.")
    performed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member who carried out the check.",
    )
    outcome = models.CharField(
        max_length=30,
        choices=Outcome.choices,
        help_text="Whether the third party fits your responsible approach to AI (A.10.3).",
    )
    findings = models.TextField(
        blank=True,
        help_text=(
            "What was checked and found: certifications, data-protection terms, model documentation, "
            "incidents, and any conditions attached to the approval."
        ),
    )
    next_due_on = models.DateField(
        null=True, blank=True, help_text="When the check must be repeated (A.10.3 monitoring)."
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-performed_on", "-pk"]
        verbose_name = "due diligence"
        verbose_name_plural = "due diligences"
        indexes = [
            models.Index(fields=["third_party", "performed_on"], name="tpdd_party_performed"),
            models.Index(fields=["relationship", "performed_on"], name="tpdd_rel_performed"),
            models.Index(fields=["organization", "next_due_on"], name="tpdd_org_due"),
        ]

    def __str__(self) -> str:
        return f"{self.third_party.name} {self.performed_on}: {self.get_outcome_display()}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.performed_on and self.performed_on > timezone.localdate():
            errors["performed_on"] = "A due diligence is recorded once done; this date is in the future."
        if self.performed_on and self.next_due_on and self.next_due_on <= self.performed_on:
            errors["next_due_on"] = "The next check must fall after the date of this one."
        if self.outcome == Outcome.CONDITIONAL and not self.findings.strip():
            errors["findings"] = "Say which conditions the approval carries."
        if self.outcome == Outcome.REJECTED and not self.findings.strip():
            errors["findings"] = "Say why the third party was rejected."
        relationship = self.relationship if self.relationship_id else None
        if relationship is not None and relationship.third_party_id != self.third_party_id:
            errors["relationship"] = "This relationship is with another third party."
        if errors:
            raise ValidationError(errors)
