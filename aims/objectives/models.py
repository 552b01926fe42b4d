"""Measurable AI objectives and the plans to reach them (6.2): what is aimed at, which policy it serves, how
it is measured and against which target, by when, and what will be done, with what, by whom."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.monitoring.models import Metric
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy

HELP = {
    "reference": "aims numbers objectives OBJ-001, OBJ-002, … in each organisation.",
    "title": "The objective in a few words, such as “Fair credit decisions across age bands”.",
    "description": "What is aimed at and why, at which function or level of the organisation.",
    "policy": "The AI policy the objective serves (6.2: consistent with the AI policy).",
    "policy_statement": "The commitment of the policy it supports, in short.",
    "annex_c": "The Annex C objectives it relates to (C.2.1 to C.2.11), such as fairness or robustness.",
    "owner": "The member accountable for the objective.",
    "metric": "The metric that measures it; its latest value is compared with the target.",
    "manual_measure": "When no metric measures it: how achievement is judged.",
    "baseline": "Where the measure stood when the objective was set.",
    "target_value": "The value to reach, in the measure's unit.",
    "unit": "The unit of the baseline and target, such as % or days.",
    "direction": "At least: the measure must reach the target or more; at most: the target or less.",
    "due_on": "When the objective should be achieved.",
    "evaluation": "How and when results are evaluated, and by whom (6.2).",
}


class ObjectiveQuerySet(models.QuerySet["Objective"]):
    def open(self) -> ObjectiveQuerySet:
        return self.filter(status__in=(Objective.Status.DRAFT, Objective.Status.ACTIVE))


class Objective(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("6.2",)

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        ACHIEVED = "achieved", "Achieved"
        NOT_ACHIEVED = "not_achieved", "Not achieved"
        WITHDRAWN = "withdrawn", "Withdrawn"

    class Direction(models.TextChoices):
        AT_LEAST = "at_least", "At least"
        AT_MOST = "at_most", "At most"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for OBJ-012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    description = models.TextField(blank=True, help_text=HELP["description"])
    policy = models.ForeignKey(
        AIPolicy,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="AI policy",
        help_text=HELP["policy"],
    )
    policy_statement = models.TextField(
        "policy commitment supported", blank=True, help_text=HELP["policy_statement"]
    )
    annex_c = models.ManyToManyField(
        CatalogItem,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "objective", "annex": "C"},
        verbose_name="Annex C objectives",
        help_text=HELP["annex_c"],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    metric = models.ForeignKey(
        Metric,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        verbose_name="measured by",
        help_text=HELP["metric"],
    )
    manual_measure = models.TextField("measure", blank=True, help_text=HELP["manual_measure"])
    baseline = models.DecimalField(
        max_digits=20, decimal_places=6, null=True, blank=True, help_text=HELP["baseline"]
    )
    target_value = models.DecimalField(
        "target", max_digits=20, decimal_places=6, null=True, blank=True, help_text=HELP["target_value"]
    )
    unit = models.CharField(max_length=30, blank=True, help_text=HELP["unit"])
    direction = models.CharField(
        max_length=10, choices=Direction.choices, default=Direction.AT_LEAST, help_text=HELP["direction"]
    )
    due_on = models.DateField("due on", null=True, blank=True, help_text=HELP["due_on"])
    evaluation = models.TextField("how results are evaluated", blank=True, help_text=HELP["evaluation"])
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.DRAFT)
    activated_on = models.DateField(null=True, blank=True)
    outcome_note = models.TextField(blank=True, help_text="What the evaluation found.")
    outcome_on = models.DateField(null=True, blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ObjectiveQuerySet.as_manager()

    class Meta:
        ordering = ("number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="obj_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="obj_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="obj_org_status"),
            models.Index(fields=["organization", "owner", "number"], name="obj_org_owner"),
            models.Index(fields=["organization", "due_on"], name="obj_org_due"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.ACTIVE)

    @property
    def latest_value(self) -> Decimal | None:
        return self.metric.last_value if self.metric is not None else None

    def meets_target(self, value: Decimal | None) -> bool | None:
        if value is None or self.target_value is None:
            return None
        if self.direction == self.Direction.AT_LEAST:
            return value >= self.target_value
        return value <= self.target_value


class ObjectivePlanItem(models.Model):
    """One step of the plan to reach an objective (6.2): what will be done, with what, by whom, by when."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="plan_items")
    what = models.CharField(max_length=300, help_text="What will be done.")
    resources = models.TextField(
        blank=True, help_text="What resources it needs: people, budget, tools, data."
    )
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The member who does it.",
    )
    due_on = models.DateField("due on", null=True, blank=True, help_text="When it should be done.")
    is_done = models.BooleanField("done", default=False)
    done_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("due_on", "pk")
        indexes = [
            models.Index(fields=["objective", "is_done", "due_on"], name="obj_plan_objective"),
            models.Index(fields=["is_done", "due_on"], name="obj_plan_due"),
        ]

    def __str__(self) -> str:
        return self.what

    def is_overdue(self, today: date | None = None) -> bool:
        return not self.is_done and self.due_on is not None and self.due_on < (today or timezone.localdate())
