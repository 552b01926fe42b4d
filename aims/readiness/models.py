"""An organisation's readiness thresholds, and the daily snapshots that draw its trend."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


def _months(default: int, help_text: str) -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        default=default, validators=[MinValueValidator(1), MaxValueValidator(60)], help_text=help_text
    )


class ReadinessSettings(models.Model):
    """The thresholds the rules judge by. An organisation without a row uses the defaults."""

    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.CASCADE, related_name="readiness_settings"
    )
    acknowledgement_percent = models.PositiveSmallIntegerField(
        default=80,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The share of members, in per cent, who must have acknowledged the AI policy in force.",
    )
    risk_assessment_months = _months(12, "A risk assessment older than this many months is out of date.")
    impact_assessment_months = _months(12, "An impact assessment older than this many months is out of date.")
    management_review_months = _months(12, "A management review must have been held within this many months.")
    audit_cycle_months = _months(12, "The internal audit cycle: every clause and control audited within it.")
    due_soon_days = models.PositiveSmallIntegerField(
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="The cockpit lists what falls due within this many days.",
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "readiness settings"
        verbose_name_plural = "readiness settings"

    def __str__(self) -> str:
        return f"Readiness settings of {self.organization}"


class ReadinessSnapshot(models.Model):
    """Readiness as it stood on one day, recorded by the worker (and by `aims readiness snapshot`)."""

    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, related_name="readiness_snapshots"
    )
    taken_on = models.DateField()
    computed_at = models.DateTimeField(default=timezone.now)
    clauses_satisfied = models.PositiveIntegerField(default=0)
    clauses_total = models.PositiveIntegerField(default=0)
    controls_satisfied = models.PositiveIntegerField(default=0)
    controls_total = models.PositiveIntegerField(default=0)
    blockers = models.PositiveIntegerField(default=0)
    nonconformities = models.PositiveIntegerField(default=0)
    observations = models.PositiveIntegerField(default=0)
    unevaluated = models.PositiveIntegerField(default=0)
    clauses = models.JSONField(default=dict, help_text="Each clause's status that day: {ref: status}.")

    class Meta:
        ordering = ["organization", "-taken_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "taken_on"], name="readiness_snapshot_one_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Readiness of {self.organization} on {self.taken_on}"
