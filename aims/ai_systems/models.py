"""The AI system inventory: every AI system the organisation develops, provides or uses (A.4, A.6).

Components (models, datasets, resources), third parties, risks and assessments all hang on these records.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.organizations.models import Membership, Organization

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

# The fields a person describes; the stage, the risk class and archiving change through their own actions.
EDITABLE_FIELDS = (
    "reference",
    "name",
    "purpose",
    "description",
    "intended_use",
    "foreseeable_misuse",
    "ai_roles",
    "deployment_environment",
    "in_scope",
    "owner",
    "business_unit",
    "affected_parties",
    "automation_level",
    "human_oversight",
    "status",
    "next_review_on",
)

# Position of each stage along the life cycle, for sorting in life-cycle order rather than alphabetically.
STAGE_ORDER = {stage: index for index, stage in enumerate(LifecycleStage)}

# What each field means, in plain words with the clause or control it serves: used by the model, the forms
# and the API schemas alike.
HELP = {
    "reference": (
        "Your identifier for the system, unique in the organisation (e.g. AIS-014), so that risks, "
        "assessments and audits can refer to it (A.4.2: the inventory). Leave empty and aims picks the next "
        "free AIS number."
    ),
    "name": "The name people in the organisation know the system by.",
    "purpose": (
        "Why the system exists: the business problem it addresses. Clause 4.1 asks you to consider the "
        "intended purpose of each AI system."
    ),
    "description": (
        "What it is and how it works, in plain words, for someone who has never seen it (the start of its "
        "technical documentation, A.6.2.7)."
    ),
    "intended_use": (
        "The uses it is designed and documented for, and by whom (A.9.4: use AI systems as intended)."
    ),
    "foreseeable_misuse": (
        "Uses it is not meant for but could reasonably be put to, on purpose or by mistake (A.5.3: record "
        "foreseeable misuse in the impact assessment)."
    ),
    "ai_roles": (
        "The organisation's roles for this system, several if need be: provider, producer, customer, … "
        "(clause 4.1 and A.10.2: who is responsible for what)."
    ),
    "lifecycle_stage": (
        "Where the system is in its life cycle (A.6.2). Moving it into deployment or retirement needs the "
        "approval of an owner or manager."
    ),
    "deployment_environment": (
        "Where it runs: on premises, in the cloud, on devices, or as a supplier's service (A.4.5)."
    ),
    "in_scope": "Inside the scope of the AI management system (clause 4.3).",
    "owner": (
        "The person accountable for the system: they answer for its risks and decisions (A.3.2). "
        "Must be a member of the organisation."
    ),
    "business_unit": (
        "The department or team that runs or uses the system (A.3.2: roles and responsibilities)."
    ),
    "affected_parties": (
        "People and groups the system's outputs affect, vulnerable groups included (A.5.4: impacts on "
        "individuals and groups)."
    ),
    "automation_level": (
        "How much the system decides on its own, from advice to fully automated decisions (Annex C.3.3: "
        "level of automation as a risk source)."
    ),
    "human_oversight": ("Who can check, override or stop it, and how (A.9.3 and A.6.1.3: human oversight)."),
    "status": (
        "Draft while you are still describing it; active once the record is complete and others may rely on "
        "it (clause 7.5.2: documented information is reviewed before use)."
    ),
    "next_review_on": (
        "When the record and the system's assessments are next due for review (clause 8.2: assess at "
        "planned intervals). Systems past this date show as due for review."
    ),
}


class AISystemQuerySet(models.QuerySet["AISystem"]):
    def visible_to(self, user: User) -> AISystemQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def in_organization(self, organization: Organization) -> AISystemQuerySet:
        return self.filter(organization=organization)

    def current(self) -> AISystemQuerySet:
        """Draft and active systems: everything but the archived."""
        return self.exclude(status=AISystem.Status.ARCHIVED)

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
    reference = models.CharField(max_length=40, help_text=HELP["reference"])
    name = models.CharField(max_length=200, help_text=HELP["name"])
    purpose = models.TextField(help_text=HELP["purpose"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    intended_use = models.TextField(blank=True, help_text=HELP["intended_use"])
    foreseeable_misuse = models.TextField(
        "reasonably foreseeable misuse", blank=True, help_text=HELP["foreseeable_misuse"]
    )
    ai_roles = models.JSONField("AI roles", default=list, blank=True, help_text=HELP["ai_roles"])
    lifecycle_stage = models.CharField(
        "life-cycle stage",
        max_length=30,
        choices=LifecycleStage.choices,
        default=LifecycleStage.INCEPTION,
        help_text=HELP["lifecycle_stage"],
    )
    deployment_environment = models.CharField(
        max_length=30, choices=Environment.choices, blank=True, help_text=HELP["deployment_environment"]
    )
    in_scope = models.BooleanField("inside the AIMS scope", default=True, help_text=HELP["in_scope"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    business_unit = models.CharField(max_length=120, blank=True, help_text=HELP["business_unit"])
    affected_parties = models.TextField(
        "affected people and groups", blank=True, help_text=HELP["affected_parties"]
    )
    automation_level = models.CharField(
        "level of automation",
        max_length=20,
        choices=Automation.choices,
        blank=True,
        help_text=HELP["automation_level"],
    )
    human_oversight = models.TextField(
        "human oversight in place", blank=True, help_text=HELP["human_oversight"]
    )
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ACTIVE, help_text=HELP["status"]
    )
    risk_class = models.CharField(
        "EU AI Act class",
        max_length=20,
        choices=RiskClass.choices,
        blank=True,
        default="",
        help_text="Set by the latest EU AI Act classification, not edited here.",
    )
    next_review_on = models.DateField("next review", null=True, blank=True, help_text=HELP["next_review_on"])
    # The stage's place along the life cycle (0 = inception … 6 = retirement), computed by the database, so
    # that the inventory sorts in life-cycle order from an index.
    stage_position = models.GeneratedField(
        expression=models.Case(
            *(
                models.When(lifecycle_stage=stage, then=models.Value(position))
                for stage, position in STAGE_ORDER.items()
            ),
            default=models.Value(len(STAGE_ORDER)),
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )
    stage_changed_at = models.DateTimeField(null=True, blank=True)
    stage_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = AISystemQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["stage_position"])

    # The catalogue requirements an inventory of AI systems evidences (shown on the list page).
    evidences: ClassVar[tuple[str, ...]] = ("4.1", "4.3", "A.4.2", "A.6.2.5", "A.9.4", "A.10.2")

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "AI system"
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="ai_system_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "name", "id"], name="ais_org_name"),
            models.Index(fields=["organization", "lifecycle_stage", "name"], name="ais_org_stage"),
            models.Index(
                fields=["organization", "stage_position", "name", "id"], name="ais_org_stage_position"
            ),
            models.Index(fields=["organization", "risk_class", "name"], name="ais_org_class"),
            models.Index(fields=["organization", "owner", "name"], name="ais_org_owner"),
            models.Index(fields=["organization", "next_review_on"], name="ais_org_review"),
            models.Index(fields=["organization", "updated_at"], name="ais_org_updated"),
            models.Index(fields=["organization", "status", "name"], name="ais_org_status"),
            models.Index(fields=["organization", "in_scope", "name"], name="ais_org_scope"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    def clean(self) -> None:
        roles = self.ai_roles if isinstance(self.ai_roles, list) else None
        if roles is None or not all(isinstance(role, str) for role in roles):
            raise ValidationError({"ai_roles": "Give the AI roles as a list of role names."})
        unknown = sorted(set(roles) - set(Organization.AIRole.values))
        if unknown:
            known = ", ".join(Organization.AIRole.values)
            raise ValidationError(
                {"ai_roles": f"Unknown AI role(s): {', '.join(unknown)}. Choose from {known}."}
            )

    @property
    def is_archived(self) -> bool:
        return self.status == self.Status.ARCHIVED

    @property
    def is_due_for_review(self) -> bool:
        return (
            not self.is_archived
            and self.next_review_on is not None
            and self.next_review_on <= timezone.localdate()
        )

    @property
    def ai_role_labels(self) -> list[str]:
        labels = dict(Organization.AIRole.choices)
        return [labels.get(role, role) for role in self.ai_roles]


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
        indexes = [models.Index(fields=["ai_system", "-changed_at"], name="ais_stage_change_system")]

    def __str__(self) -> str:
        return f"{self.ai_system}: {self.from_stage} → {self.to_stage}"
