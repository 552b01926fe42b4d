"""The AI risk register (6.1.2, 8.2) with treatment and acceptance (6.1.3, 8.3). Opportunities too (6.1.1)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.controls.models import Control
from aims.organizations.models import Organization
from aims.risks.models.criteria import RiskCriteria

HELP = {
    "reference": "aims numbers risks RSK-0001, RSK-0002, … in each organisation.",
    "kind": "A risk (something that may go wrong) or an opportunity (something that may go better) (6.1.1).",
    "ai_system": "The AI system the risk concerns; empty for a risk of the whole organisation.",
    "title": "A short name for the risk, such as “Unfair scores for thin-file applicants”.",
    "description": "What could happen, how, and to whom: the event and its outcome (6.1.2).",
    "risk_source": "Where the risk comes from, from Annex C.3 of ISO/IEC 42001 (6.1.2).",
    "custom_source": "A risk source of your own, if none of Annex C.3 fits.",
    "objectives": "The organisational objectives the risk affects, from Annex C.2 (6.1.2).",
    "consequence_organization": "What it would mean for the organisation: cost, reputation, legal action.",
    "consequence_individuals": "What it would mean for individuals or groups of people (6.1.2, 6.1.4).",
    "consequence_society": "What it would mean for society at large (6.1.2, 6.1.4).",
    "existing_controls": "What already reduces the risk, before any new treatment (6.1.2).",
    "owner": "The person accountable for the risk and its treatment. Must be a member.",
    "next_review_on": "When the risk is next reviewed (8.2: assess at planned intervals).",
    "treatment_option": "Modify (reduce), avoid, share (transfer) or retain (accept as it is) (6.1.3).",
    "treatment_plan": "How the treatment works and how you will check that it works (6.1.3, 8.3).",
    "controls": "The controls chosen to treat the risk: Annex A or your own (6.1.3).",
    "reassessment_requested_on": "The day an approved planned change to the AI system asked for the risk "
    "to be assessed again (6.3, 8.2); cleared when it is assessed.",
    "reassessment_reason": "Why it is to be assessed again: the planned change, such as CHG-0003.",
}


class RiskQuerySet(models.QuerySet["Risk"]):
    def open(self) -> RiskQuerySet:
        return self.exclude(status=Risk.Status.CLOSED)

    def due(self, today: date | None = None) -> RiskQuerySet:
        """Open risks past their review date or their acceptance's expiry, whose AI system changed since
        they were assessed, or that an approved planned change asked to reassess (6.3, 8.2)."""
        today = today or timezone.localdate()
        changed = Q(assessed_at__isnull=False) & (
            Q(ai_system__updated_at__gt=F("assessed_at"))
            | Q(ai_system__stage_changed_at__gt=F("assessed_at"))
        )
        lapsed = Q(status=Risk.Status.ACCEPTED, acceptance_expires_on__lt=today)
        requested = Q(reassessment_requested_on__isnull=False)
        return self.open().filter(Q(next_review_on__lt=today) | lapsed | changed | requested)


class Risk(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("6.1.1", "6.1.2", "6.1.3", "8.2", "8.3")

    class Kind(models.TextChoices):
        RISK = "risk", "Risk"
        OPPORTUNITY = "opportunity", "Opportunity"

    class Status(models.TextChoices):
        IDENTIFIED = "identified", "Identified"
        ASSESSED = "assessed", "Assessed"
        TREATED = "treated", "Treated"
        ACCEPTED = "accepted", "Accepted"
        CLOSED = "closed", "Closed"

    class Option(models.TextChoices):
        MODIFY = "modify", "Modify: reduce likelihood or consequence"
        AVOID = "avoid", "Avoid: stop the activity"
        SHARE = "share", "Share: transfer to a third party"
        RETAIN = "retain", "Retain: accept as it is"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for RSK-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.RISK, help_text=HELP["kind"])
    ai_system = models.ForeignKey(
        AISystem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="risks",
        help_text=HELP["ai_system"],
    )
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    risk_source = models.ForeignKey(
        CatalogItem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "risk_source"},
        help_text=HELP["risk_source"],
    )
    custom_source = models.CharField(max_length=200, blank=True, help_text=HELP["custom_source"])
    objectives = models.ManyToManyField(
        CatalogItem,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "objective", "annex": "C"},
        help_text=HELP["objectives"],
    )
    consequence_organization = models.TextField(
        "consequences to the organisation", blank=True, help_text=HELP["consequence_organization"]
    )
    consequence_individuals = models.TextField(
        "consequences to individuals or groups", blank=True, help_text=HELP["consequence_individuals"]
    )
    consequence_society = models.TextField(
        "consequences to society", blank=True, help_text=HELP["consequence_society"]
    )
    existing_controls = models.TextField(blank=True, help_text=HELP["existing_controls"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IDENTIFIED)
    next_review_on = models.DateField("next review", null=True, blank=True, help_text=HELP["next_review_on"])

    # The latest inherent assessment (also kept, with every earlier one, as RiskAssessment rows).
    likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    consequence = models.PositiveSmallIntegerField(null=True, blank=True)
    level_key = models.CharField(max_length=30, blank=True)
    level_label = models.CharField(max_length=60, blank=True)
    level_colour = models.CharField(max_length=10, blank=True)
    level_rank = models.PositiveSmallIntegerField(default=0, help_text="0 until assessed.")
    criteria = models.ForeignKey(
        RiskCriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    assessed_at = models.DateTimeField(null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    # Treatment (6.1.3) and the residual rating under the criteria in force when it was planned.
    treatment_option = models.CharField(
        max_length=20, choices=Option.choices, blank=True, help_text=HELP["treatment_option"]
    )
    treatment_plan = models.TextField(blank=True, help_text=HELP["treatment_plan"])
    controls = models.ManyToManyField(Control, blank=True, related_name="+", help_text=HELP["controls"])
    residual_likelihood = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_consequence = models.PositiveSmallIntegerField(null=True, blank=True)
    residual_level_key = models.CharField(max_length=30, blank=True)
    residual_level_label = models.CharField(max_length=60, blank=True)
    residual_level_colour = models.CharField(max_length=10, blank=True)
    residual_level_rank = models.PositiveSmallIntegerField(default=0, help_text="0 until treated.")
    residual_criteria = models.ForeignKey(
        RiskCriteria, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    treated_at = models.DateTimeField(null=True, blank=True)

    # Acceptance of the residual risk by someone the criteria allow (6.1.3).
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    acceptance_rationale = models.TextField(blank=True)
    acceptance_expires_on = models.DateField(null=True, blank=True)

    closed_reason = models.TextField(blank=True)
    reassessment_requested_on = models.DateField(
        null=True, blank=True, help_text=HELP["reassessment_requested_on"]
    )
    reassessment_reason = models.CharField(max_length=200, blank=True, help_text=HELP["reassessment_reason"])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RiskQuerySet.as_manager()

    class Meta:
        ordering = ("reference",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="risk_unique_reference"),
            models.UniqueConstraint(fields=["organization", "number"], name="risk_unique_number"),
        ]
        indexes = [
            # Each list filter is an equality on a prefix and each sort ends in `number`: pages read in order.
            models.Index(fields=["organization", "status", "number"], name="risk_org_status"),
            models.Index(fields=["organization", "ai_system", "number"], name="risk_org_system"),
            models.Index(fields=["organization", "level_rank", "number"], name="risk_org_level"),
            models.Index(fields=["organization", "residual_level_rank", "number"], name="risk_org_residual"),
            models.Index(fields=["organization", "owner", "number"], name="risk_org_owner"),
            models.Index(fields=["organization", "risk_source", "number"], name="risk_org_source"),
            models.Index(fields=["organization", "next_review_on", "number"], name="risk_org_review"),
            models.Index(fields=["organization", "updated_at", "number"], name="risk_org_updated"),
            models.Index(fields=["organization", "title", "number"], name="risk_org_title"),
            # Covering indexes of the heat maps' GROUP BY (status included, to leave closed risks out).
            models.Index(
                fields=["organization", "likelihood", "consequence", "status"], name="risk_org_inherent"
            ),
            models.Index(
                fields=["organization", "residual_likelihood", "residual_consequence", "status"],
                name="risk_org_residual_cell",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    @property
    def source_label(self) -> str:
        if self.risk_source_id is not None:
            return str(self.risk_source)
        return self.custom_source

    @property
    def acceptance_expired(self) -> bool:
        return (
            self.status == self.Status.ACCEPTED
            and self.acceptance_expires_on is not None
            and self.acceptance_expires_on < timezone.localdate()
        )


class RiskAssessment(models.Model):
    """One rating of a risk, inherent or residual, with the criteria version and the level it gave (8.2)."""

    class Stage(models.TextChoices):
        INHERENT = "inherent", "Inherent"
        RESIDUAL = "residual", "Residual"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="assessments")
    stage = models.CharField(max_length=10, choices=Stage.choices)
    likelihood = models.PositiveSmallIntegerField()
    consequence = models.PositiveSmallIntegerField()
    criteria = models.ForeignKey(RiskCriteria, on_delete=models.PROTECT, related_name="+")
    level_key = models.CharField(max_length=30)
    level_label = models.CharField(max_length=60)
    level_colour = models.CharField(max_length=10)
    level_rank = models.PositiveSmallIntegerField()
    note = models.TextField(blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assessed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-assessed_at", "-pk")
        indexes = [models.Index(fields=["risk", "-assessed_at"], name="risk_assessment_risk")]

    def __str__(self) -> str:
        return f"{self.risk_id} {self.stage} {self.level_label}"


class TreatmentAction(models.Model):
    """One action of a risk's treatment plan, with its owner, due date and status (6.1.3, 8.3)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"

    risk = models.ForeignKey(Risk, on_delete=models.CASCADE, related_name="actions")
    title = models.CharField(max_length=200, help_text="What is to be done.")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who does it. Must be a member.",
    )
    due_on = models.DateField("due", null=True, blank=True, help_text="When it is to be done by.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    outcome = models.TextField(blank=True, help_text="What was done, and the evidence that it works.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("status", "due_on", "pk")
        indexes = [models.Index(fields=["risk", "status"], name="risk_action_risk_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.OPEN and self.due_on is not None and self.due_on < timezone.localdate()
        )
