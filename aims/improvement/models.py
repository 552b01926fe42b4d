"""Nonconformities and corrective action (10.2), and the register of improvement opportunities (10.1)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.incidents.models import Incident
from aims.organizations.models import Organization

HELP = {
    "reference": "aims numbers nonconformities NC-0001, NC-0002, … in each organisation.",
    "title": "A short statement of what does not conform, such as “Impact assessment of AIS-004 overdue”.",
    "description": "What was found, where, and the evidence for it.",
    "source": "Where the nonconformity came from.",
    "source_reference": "The record it came from, such as “IA-2026-01 checklist 6.1.4” or “INC-0007”.",
    "requirement": "The clause or Annex A control that is not met.",
    "grade": "Major: the requirement is not met at all or the system's purpose is at risk; minor: a lapse.",
    "owner": "The member responsible for correction and corrective action.",
    "due_on": "When corrective action should be complete.",
}


class Nonconformity(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("10.2",)

    class Source(models.TextChoices):
        AUDIT = "audit", "Internal audit"
        INCIDENT = "incident", "AI incident"
        COMPLAINT = "complaint", "Complaint"
        MONITORING = "monitoring", "Monitoring and measurement"
        REVIEW = "review", "Management review"
        OTHER = "other", "Other"

    class Grade(models.TextChoices):
        MAJOR = "major", "Major"
        MINOR = "minor", "Minor"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACTION = "action", "Corrective action under way"
        VERIFICATION = "verification", "Awaiting verification of effectiveness"
        CLOSED = "closed", "Closed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for NC-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField(help_text=HELP["description"])
    source = models.CharField(max_length=20, choices=Source.choices, help_text=HELP["source"])
    source_reference = models.CharField(
        "came from", max_length=200, blank=True, help_text=HELP["source_reference"]
    )
    source_url = models.CharField(max_length=500, blank=True)
    incident = models.ForeignKey(
        Incident,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nonconformities",
        help_text="The AI incident that led to it, if any.",
    )
    requirement = models.ForeignKey(
        CatalogItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["requirement"],
    )
    grade = models.CharField(max_length=10, choices=Grade.choices, help_text=HELP["grade"])
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    raised_on = models.DateField(default=timezone.localdate)
    due_on = models.DateField(null=True, blank=True, help_text=HELP["due_on"])
    closed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="nc_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="nc_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="nc_org_status"),
            models.Index(fields=["organization", "raised_on"], name="nc_org_raised"),
            models.Index(fields=["organization", "due_on"], name="nc_org_due"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED
