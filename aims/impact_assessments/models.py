"""AI system impact assessments (6.1.4, 8.4, A.5.2 to A.5.5), in the shape of ISO/IEC 42005: one assessment
of one AI system, its trigger, use and misuse, who is affected, and impacts by dimension.

An approved assessment never changes: the model refuses to save it (only an item's link to a risk may still
be set). A newer approved assessment of the same system supersedes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.lib.errors import ActionError
from aims.organizations.models import Organization
from aims.risks.models import Risk

FROZEN = "An approved impact assessment never changes; start a new assessment instead."

HELP = {
    "reference": "aims numbers assessments IA-0001, IA-0002, … in each organisation.",
    "ai_system": "The AI system assessed.",
    "trigger": "Why the assessment is done now: a new system, a significant change, a periodic review or "
    "an incident (6.1.4, 8.4).",
    "trigger_details": "What changed, which incident, or which review cycle.",
    "intended_use": "What the system is for, who uses it and in which setting (A.5.2).",
    "foreseeable_misuse": "How the system could reasonably be used in ways not intended, and what follows.",
    "affected_individuals": "Individual people affected: applicants, patients, employees, end users (A.5.4).",
    "affected_groups": "Groups of people affected, such as a customer segment or a profession (A.5.4).",
    "affected_vulnerable": "Vulnerable groups: children, older people, people with disabilities, people in "
    "financial difficulty (A.5.4).",
    "affected_society": "Effects on society at large: markets, democracy, the environment (A.5.5).",
    "mitigations": "What the organisation does to reduce the negative impacts overall (6.1.4).",
    "conclusion": "What the assessment found, in a few sentences.",
    "decision": "What follows: proceed, proceed with conditions, do not proceed, or retire the system.",
    "retain_until": "Keep the assessment and its records until this date (A.5.3).",
    "next_assessment_on": "When the system is next assessed (8.4: at planned intervals).",
    "reassessment_requested_on": "The day an approved planned change to the AI system asked for it to be "
    "assessed again (6.3, 8.4); cleared when a newer assessment of the system is approved.",
    "reassessment_reason": "Why it is to be assessed again: the planned change, such as CHG-0003.",
}


class ImpactAssessmentQuerySet(models.QuerySet["ImpactAssessment"]):
    def due(self, today: date | None = None) -> ImpactAssessmentQuerySet:
        """Assessments whose next assessment date has passed, or that an approved planned change asked to
        redo (6.3, 8.4)."""
        today = today or timezone.localdate()
        return self.filter(
            models.Q(next_assessment_on__lt=today) | models.Q(reassessment_requested_on__isnull=False)
        )


class ImpactAssessment(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5")

    class Trigger(models.TextChoices):
        NEW_SYSTEM = "new_system", "New system"
        SIGNIFICANT_CHANGE = "significant_change", "Significant change"
        PERIODIC = "periodic", "Periodic review"
        INCIDENT = "incident", "Incident"

    class Decision(models.TextChoices):
        PROCEED = "proceed", "Proceed"
        CONDITIONS = "conditions", "Proceed with conditions"
        DO_NOT_PROCEED = "do_not_proceed", "Do not proceed"
        RETIRE = "retire", "Retire the system"

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        APPROVED = "approved", "Approved"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    ai_system = models.ForeignKey(
        AISystem, on_delete=models.PROTECT, related_name="impact_assessments", help_text=HELP["ai_system"]
    )
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for IA-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    trigger = models.CharField(max_length=20, choices=Trigger.choices, help_text=HELP["trigger"])
    trigger_details = models.TextField(blank=True, help_text=HELP["trigger_details"])
    intended_use = models.TextField(blank=True, help_text=HELP["intended_use"])
    foreseeable_misuse = models.TextField(blank=True, help_text=HELP["foreseeable_misuse"])
    affected_individuals = models.TextField(
        "individuals affected", blank=True, help_text=HELP["affected_individuals"]
    )
    affected_groups = models.TextField("groups affected", blank=True, help_text=HELP["affected_groups"])
    affected_vulnerable = models.TextField(
        "vulnerable groups affected", blank=True, help_text=HELP["affected_vulnerable"]
    )
    affected_society = models.TextField("effects on society", blank=True, help_text=HELP["affected_society"])
    mitigations = models.TextField(blank=True, help_text=HELP["mitigations"])
    conclusion = models.TextField(blank=True, help_text=HELP["conclusion"])
    decision = models.CharField(
        max_length=20, choices=Decision.choices, blank=True, help_text=HELP["decision"]
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    retain_until = models.DateField("retain until", null=True, blank=True, help_text=HELP["retain_until"])
    next_assessment_on = models.DateField(
        "next assessment", null=True, blank=True, help_text=HELP["next_assessment_on"]
    )
    # Set by a planned change with a queryset update (an approved assessment never changes otherwise).
    reassessment_requested_on = models.DateField(
        null=True, blank=True, help_text=HELP["reassessment_requested_on"]
    )
    reassessment_reason = models.CharField(max_length=200, blank=True, help_text=HELP["reassessment_reason"])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ImpactAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="ia_unique_reference"),
            models.UniqueConstraint(fields=["organization", "number"], name="ia_unique_number"),
        ]
        indexes = [
            models.Index(fields=["organization", "ai_system", "number"], name="ia_org_system"),
            models.Index(fields=["organization", "state", "number"], name="ia_org_state"),
            models.Index(fields=["organization", "decision", "number"], name="ia_org_decision"),
            models.Index(fields=["organization", "next_assessment_on"], name="ia_org_next"),
            models.Index(fields=["ai_system", "state", "approved_at"], name="ia_system_approved"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.ai_system.name}" if self.ai_system_id else self.reference

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = type(self).objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == self.State.APPROVED:
                raise ActionError(FROZEN, code="frozen")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self.is_approved:
            raise ActionError(FROZEN, code="frozen")
        return super().delete(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    @property
    def is_approved(self) -> bool:
        return self.state == self.State.APPROVED

    @property
    def is_due(self) -> bool:
        if self.reassessment_requested_on is not None:
            return True
        return self.next_assessment_on is not None and self.next_assessment_on < timezone.localdate()


class ImpactItem(models.Model):
    """One impact of the system on people or society, positive or negative, rated and mitigated."""

    class Dimension(models.TextChoices):
        FAIRNESS = "fairness", "Fairness"
        PRIVACY = "privacy", "Privacy"
        SAFETY = "safety_health", "Safety and health"
        HUMAN_RIGHTS = "human_rights", "Human rights and autonomy"
        ECONOMIC = "economic", "Economic"
        ENVIRONMENTAL = "environmental", "Environmental"
        SOCIETAL = "societal", "Societal and democratic"
        ACCESSIBILITY = "accessibility", "Accessibility and transparency"

    class Effect(models.TextChoices):
        NEGATIVE = "negative", "Negative"
        POSITIVE = "positive", "Positive"

    class Reversibility(models.TextChoices):
        REVERSIBLE = "reversible", "Reversible"
        HARD = "hard", "Hard to reverse"
        IRREVERSIBLE = "irreversible", "Irreversible"

    SCALE = (1, 4)

    assessment = models.ForeignKey(ImpactAssessment, on_delete=models.CASCADE, related_name="items")
    dimension = models.CharField(
        max_length=20, choices=Dimension.choices, help_text="The kind of impact (A.5.4, A.5.5)."
    )
    effect = models.CharField(
        max_length=10, choices=Effect.choices, default=Effect.NEGATIVE, help_text="Good or harmful."
    )
    description = models.TextField(help_text="What the impact is, how it comes about and what it means.")
    affected_group = models.CharField(
        max_length=200, blank=True, help_text="Who bears it, such as “applicants with a thin credit file”."
    )
    severity = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="1 minor, 2 moderate, 3 serious, 4 severe.",
    )
    likelihood = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)],
        help_text="1 rare, 2 possible, 3 likely, 4 almost certain.",
    )
    reversibility = models.CharField(
        max_length=20,
        choices=Reversibility.choices,
        default=Reversibility.REVERSIBLE,
        help_text="Can the harm be undone, and how easily.",
    )
    mitigation = models.TextField(
        blank=True, help_text="What reduces this impact, or enhances a positive one."
    )
    risk = models.ForeignKey(
        Risk,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="impact_items",
        help_text="The risk in the register that this impact is tracked as.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("dimension", "-severity", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(severity__gte=1, severity__lte=4), name="ia_item_severity"
            ),
            models.CheckConstraint(
                condition=models.Q(likelihood__gte=1, likelihood__lte=4), name="ia_item_likelihood"
            ),
        ]
        indexes = [models.Index(fields=["assessment", "dimension"], name="ia_item_dimension")]

    def __str__(self) -> str:
        return f"{self.get_dimension_display()}: {self.description[:60]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        fields = kwargs.get("update_fields")
        only_link = fields is not None and set(fields) <= {"risk"}
        if not only_link and self._assessment_approved():
            raise ActionError(FROZEN, code="frozen")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if self._assessment_approved():
            raise ActionError(FROZEN, code="frozen")
        return super().delete(*args, **kwargs)

    @property
    def is_negative(self) -> bool:
        return self.effect == self.Effect.NEGATIVE

    def _assessment_approved(self) -> bool:
        state = ImpactAssessment.objects.filter(pk=self.assessment_id).values_list("state", flat=True).first()
        return state == ImpactAssessment.State.APPROVED
