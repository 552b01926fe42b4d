"""The AI system inventory: every AI system the organisation develops, provides or uses (A.4, A.6).

Components (models, datasets, resources), third parties, risks and assessments all hang on these records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.organizations.models import Organization

if TYPE_CHECKING:
    from aims.accounts.models import User


class LifecycleStage(models.TextChoices):
    """ISO/IEC 22989 life-cycle stages (A.6.2)."""

    INCEPTION = "inception", "Inception"
    DESIGN = "design_development", "Design and development"
    VERIFICATION = "verification_validation", "Verification and validation"
    DEPLOYMENT = "deployment", "Deployment"
    OPERATION = "operation_monitoring", "Operation and monitoring"
    REEVALUATION = "reevaluation", "Re-evaluation"
    RETIREMENT = "retirement", "Retirement"


# Moving into these stages needs the approval of someone allowed to approve (owner or manager), on the record.
STAGES_NEEDING_APPROVAL = frozenset({LifecycleStage.DEPLOYMENT, LifecycleStage.RETIREMENT})


class AISystemQuerySet(models.QuerySet["AISystem"]):
    def visible_to(self, user: User) -> AISystemQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__memberships__user=user)

    def in_organization(self, organization: Organization) -> AISystemQuerySet:
        return self.filter(organization=organization)

    def due_for_review(self) -> AISystemQuerySet:
        return self.filter(next_review_on__lte=timezone.localdate()).exclude(status=AISystem.Status.ARCHIVED)


class AISystem(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        ARCHIVED = "archived", "Archived"

    class Environment(models.TextChoices):
        ON_PREMISES = "on_premises", "On premises"
        CLOUD = "cloud", "Cloud"
        EDGE = "edge", "Edge or device"
        HYBRID = "hybrid", "Hybrid"
        THIRD_PARTY = "third_party_service", "Third-party service (SaaS/API)"

    class Automation(models.TextChoices):
        ASSISTIVE = "assistive", "Assistive: a person decides, the system informs"
        HUMAN_APPROVES = "human_approves", "A person approves each output"
        HUMAN_OVERSEES = "human_oversees", "Automated, a person oversees and can intervene"
        AUTONOMOUS = "autonomous", "Fully automated"

    class RiskClass(models.TextChoices):
        """EU AI Act class, set by the latest classification."""

        UNCLASSIFIED = "", "Not classified"
        PROHIBITED = "prohibited", "Prohibited practice"
        HIGH = "high", "High-risk"
        LIMITED = "limited", "Limited risk (transparency)"
        MINIMAL = "minimal", "Minimal risk"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="ai_systems")
    reference = models.CharField(
        max_length=40, help_text="Your identifier for the system, unique in the organisation (e.g. AIS-014)."
    )
    name = models.CharField(max_length=200)
    purpose = models.TextField(help_text="Why the system exists: the business problem it addresses.")
    description = models.TextField(blank=True, help_text="What it is and how it works, in plain words.")
    intended_use = models.TextField(
        blank=True, help_text="The uses it is designed and documented for (A.9.4)."
    )
    foreseeable_misuse = models.TextField(
        blank=True, help_text="Uses it is not meant for but could reasonably be put to (A.5.3)."
    )
    ai_roles = models.JSONField(
        default=list, blank=True, help_text="The organisation's roles for this system: provider, customer, …"
    )
    lifecycle_stage = models.CharField(
        max_length=30, choices=LifecycleStage.choices, default=LifecycleStage.INCEPTION
    )
    deployment_environment = models.CharField(max_length=30, choices=Environment.choices, blank=True)
    in_scope = models.BooleanField(default=True, help_text="Inside the AIMS scope (clause 4.3).")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    business_unit = models.CharField(max_length=120, blank=True)
    affected_parties = models.TextField(
        blank=True,
        help_text="People and groups the system's outputs affect (A.5.4), vulnerable groups included.",
    )
    automation_level = models.CharField(max_length=20, choices=Automation.choices, blank=True)
    human_oversight = models.TextField(blank=True, help_text="Who can check, override or stop it, and how.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    risk_class = models.CharField(max_length=20, choices=RiskClass.choices, blank=True, default="")
    next_review_on = models.DateField(null=True, blank=True)
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    stage_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = AISystemQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "AI system"
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="ai_system_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "name", "id"], name="ais_org_name"),
            models.Index(fields=["organization", "lifecycle_stage", "name"], name="ais_org_stage"),
            models.Index(fields=["organization", "risk_class", "name"], name="ais_org_class"),
            models.Index(fields=["organization", "owner", "name"], name="ais_org_owner"),
            models.Index(fields=["organization", "next_review_on"], name="ais_org_review"),
            models.Index(fields=["organization", "updated_at"], name="ais_org_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"


class StageChange(models.Model):
    """One move of a system along its life cycle, with who approved it where approval is needed."""

    ai_system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=30, choices=LifecycleStage.choices)
    to_stage = models.CharField(max_length=30, choices=LifecycleStage.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-changed_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.ai_system}: {self.from_stage} → {self.to_stage}"
