"""Planned changes to the AI management system and its AI systems (6.3, 8.1): what changes and why, what it
touches, the risk of making it, and a decision by an owner or manager who did not ask for it. Approving a
change marks the affected AI systems' open risks and impact assessments due for reassessment.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.impact_assessments.models import ImpactAssessment
from aims.organizations.models import Organization
from aims.risks.models import Risk

HELP = {
    "reference": "aims numbers planned changes CHG-0001, CHG-0002, … in each organisation.",
    "title": "A short name for the change, such as “Retrain the credit model on 2026 data”.",
    "description": "What changes, in enough detail for someone else to carry it out.",
    "purpose": "Why the change is made, and what could follow from it, good or bad (6.3).",
    "kind": "What is changed: the management system itself, an AI system, a process, a supplier.",
    "ai_systems": "The AI systems the change affects. Approving the change marks their open risks and impact "
    "assessments due for reassessment.",
    "affected_processes": "The processes, teams or documents the change touches.",
    "risk_level": "How risky making the change is, before it is made.",
    "risk_assessment": "What could go wrong in making the change, and how that is kept in check (8.1).",
    "resources": "The people, money, time and tools the change needs (6.3).",
    "planned_on": "The day the change is to be made. Approved changes remind the requester before it.",
    "requester": "Who asks for the change. An owner or manager other than the requester decides on it.",
    "decision_note": "Why the change was approved, or rejected.",
    "implementation_note": "How the change was made, and anything that went differently from the plan.",
}


class PlannedChangeQuerySet(models.QuerySet["PlannedChange"]):
    def open(self) -> PlannedChangeQuerySet:
        """Changes still to be decided or made."""
        return self.filter(status__in=PlannedChange.OPEN_STATUSES)


class PlannedChange(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("6.3", "8.1")

    class Kind(models.TextChoices):
        AIMS = "aims", "AI management system"
        AI_SYSTEM = "ai_system", "AI system"
        PROCESS = "process", "Process"
        SUPPLIER = "supplier", "Supplier or third party"
        ORGANISATION = "organisation", "Organisation or people"
        OTHER = "other", "Other"

    class RiskLevel(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        APPROVED = "approved", "Approved"
        REJECTED = "rejected", "Rejected"
        IMPLEMENTED = "implemented", "Implemented"
        CANCELLED = "cancelled", "Cancelled"

    OPEN_STATUSES: ClassVar[tuple[str, ...]] = ("draft", "submitted", "approved")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for CHG-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField("what changes", help_text=HELP["description"])
    purpose = models.TextField("why, and its consequences", help_text=HELP["purpose"])
    kind = models.CharField(max_length=20, choices=Kind.choices, help_text=HELP["kind"])
    ai_systems = models.ManyToManyField(
        AISystem, related_name="planned_changes", blank=True, help_text=HELP["ai_systems"]
    )
    affected_processes = models.TextField(
        "processes affected", blank=True, help_text=HELP["affected_processes"]
    )
    risk_level = models.CharField(
        "risk of the change", max_length=10, choices=RiskLevel.choices, help_text=HELP["risk_level"]
    )
    risk_assessment = models.TextField("risk assessment", blank=True, help_text=HELP["risk_assessment"])
    resources = models.TextField(blank=True, help_text=HELP["resources"])
    planned_on = models.DateField("planned for", null=True, blank=True, help_text=HELP["planned_on"])
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["requester"],
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, help_text=HELP["decision_note"])
    implemented_on = models.DateField(null=True, blank=True)
    implementation_note = models.TextField(blank=True, help_text=HELP["implementation_note"])
    marked_risks = models.ManyToManyField(
        Risk,
        related_name="+",
        blank=True,
        help_text="The open risks the approval marked due for reassessment.",
    )
    marked_assessments = models.ManyToManyField(
        ImpactAssessment,
        related_name="+",
        blank=True,
        help_text="The impact assessments the approval marked due for reassessment.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = PlannedChangeQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="chg_unique_reference"),
            models.UniqueConstraint(fields=["organization", "number"], name="chg_unique_number"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="chg_org_status"),
            models.Index(fields=["organization", "kind", "number"], name="chg_org_kind"),
            models.Index(fields=["organization", "risk_level", "number"], name="chg_org_risk"),
            models.Index(fields=["status", "planned_on"], name="chg_status_planned"),
            models.Index(fields=["organization", "created_at"], name="chg_org_created"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def reassessment_reason(self) -> str:
        """What the marked risks and impact assessments say about why they are due."""
        return f"{self.reference} approved: {self.title}"[:200]

    @property
    def is_decided(self) -> bool:
        return self.status not in (self.Status.DRAFT, self.Status.SUBMITTED)
