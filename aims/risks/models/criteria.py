"""AI risk criteria (6.1.1): versioned scales, levels, matrix and acceptance rules of one organisation.

A version is a draft until an owner puts it in force; from then on it never changes (a new draft is made
instead). Every assessment records the version it used, so changing criteria never rewrites the past.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from aims.organizations.models import Organization
from aims.risks.levels import COLOURS, CriteriaSpec, LevelSpec, ScalePoint


class RiskCriteriaQuerySet(models.QuerySet["RiskCriteria"]):
    def in_force(self) -> RiskCriteriaQuerySet:
        return self.filter(state=RiskCriteria.State.IN_FORCE)


class RiskCriteria(models.Model):
    """One version of an organisation's AI risk criteria."""

    evidences: ClassVar[tuple[str, ...]] = ("6.1.1", "6.1.2")

    class State(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_FORCE = "in_force", "In force"
        SUPERSEDED = "superseded", "Superseded"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveIntegerField()
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    notes = models.TextField(
        blank=True, help_text="Why these criteria, or what changed from the previous version (6.1.1)."
    )
    matrix = models.JSONField(
        default=list, help_text="Rows of level keys: one row per likelihood, one column per consequence."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RiskCriteriaQuerySet.as_manager()

    class Meta:
        ordering = ("-version",)
        verbose_name = "risk criteria version"
        constraints = [
            models.UniqueConstraint(fields=["organization", "version"], name="risk_criteria_unique_version"),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(state="in_force"),
                name="risk_criteria_one_in_force",
            ),
            models.UniqueConstraint(
                fields=["organization"], condition=models.Q(state="draft"), name="risk_criteria_one_draft"
            ),
        ]
        indexes = [models.Index(fields=["organization", "state"], name="risk_criteria_org_state")]

    def __str__(self) -> str:
        return f"Risk criteria v{self.version}"

    @property
    def is_draft(self) -> bool:
        return self.state == self.State.DRAFT

    def spec(self) -> CriteriaSpec:
        """The criteria as plain data; reads the scales and levels (prefetch them to save queries)."""
        cached: CriteriaSpec | None = self.__dict__.get("_spec")
        if cached is not None:
            return cached
        points = list(self.scale_points.all())
        spec = CriteriaSpec(
            likelihood=tuple(
                ScalePoint(p.value, p.label, p.description) for p in points if p.axis == ScaleAxis.LIKELIHOOD
            ),
            consequence=tuple(
                ScalePoint(p.value, p.label, p.description) for p in points if p.axis == ScaleAxis.CONSEQUENCE
            ),
            levels=tuple(
                LevelSpec(lv.key, lv.label, lv.colour, lv.rank, tuple(lv.acceptable_by))
                for lv in self.levels.all()
            ),
            matrix=tuple(tuple(row) for row in self.matrix),
        )
        self.__dict__["_spec"] = spec
        return spec


class ScaleAxis(models.TextChoices):
    LIKELIHOOD = "likelihood", "Likelihood"
    CONSEQUENCE = "consequence", "Consequence"


class ScalePointRow(models.Model):
    """One level of the likelihood or consequence scale of a criteria version."""

    criteria = models.ForeignKey(RiskCriteria, on_delete=models.CASCADE, related_name="scale_points")
    axis = models.CharField(max_length=20, choices=ScaleAxis.choices)
    value = models.PositiveSmallIntegerField(help_text="1 for the lowest.")
    label = models.CharField(max_length=60, help_text='A short name, such as "Likely" or "Major".')
    description = models.TextField(blank=True, help_text="What the level means, in plain words.")

    class Meta:
        ordering = ("axis", "value")
        constraints = [
            models.UniqueConstraint(fields=["criteria", "axis", "value"], name="risk_scale_unique_value")
        ]

    def __str__(self) -> str:
        return f"{self.axis} {self.value} {self.label}"


class RiskLevel(models.Model):
    """A risk level of a criteria version (low, medium, …), with who may accept a residual risk at it."""

    criteria = models.ForeignKey(RiskCriteria, on_delete=models.CASCADE, related_name="levels")
    key = models.SlugField(max_length=30, help_text='A short lower-case key, such as "high".')
    label = models.CharField(max_length=60)
    colour = models.CharField(max_length=10, choices=[(c, c.capitalize()) for c in COLOURS])
    rank = models.PositiveSmallIntegerField(help_text="1 for the lowest level.")
    acceptable_by = models.JSONField(
        default=list,
        blank=True,
        help_text="Roles that may accept a residual risk at this level; none: never.",
    )

    class Meta:
        ordering = ("rank",)
        constraints = [models.UniqueConstraint(fields=["criteria", "key"], name="risk_level_unique_key")]

    def __str__(self) -> str:
        return self.label
