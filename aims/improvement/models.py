"""Nonconformities and corrective action (10.2), and the register of improvement opportunities (10.1)."""

from __future__ import annotations

from datetime import date
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
    "correction": "What was done at once to control and correct the nonconformity and deal with its "
    "consequences (10.2 a)).",
    "corrected_on": "The day the correction was made.",
    "corrected_by": "The member who made or led the correction.",
    "cause_method": "How the cause was found.",
    "cause_steps": "The chain of whys: each step asks why and answers because; up to five.",
    "root_cause": "The cause that, removed, stops the nonconformity happening again (10.2 b)).",
    "similar_elsewhere": "Whether similar nonconformities exist, or could occur, elsewhere: other AI "
    "systems, teams, processes.",
    "aims_changes": "Changes needed to the AI management system itself, such as a procedure, a policy or a "
    "risk to re-assess (10.2 e) to g)).",
}
MAX_CAUSE_STEPS = 5


class NonconformityQuerySet(models.QuerySet["Nonconformity"]):
    def unclosed(self) -> NonconformityQuerySet:
        return self.exclude(status=Nonconformity.Status.CLOSED)

    def overdue(self, today: date | None = None) -> NonconformityQuerySet:
        """Not closed, and past the day corrective action should have been complete."""
        return self.unclosed().filter(due_on__lt=today or timezone.localdate())


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

    class CauseMethod(models.TextChoices):
        FIVE_WHYS = "five_whys", "Five whys"
        FISHBONE = "fishbone", "Fishbone (cause and effect)"
        OTHER = "other", "Other"

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
    correction = models.TextField("immediate correction", blank=True, help_text=HELP["correction"])
    corrected_on = models.DateField("corrected on", null=True, blank=True, help_text=HELP["corrected_on"])
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["corrected_by"],
    )
    cause_method = models.CharField(
        "method", max_length=20, choices=CauseMethod.choices, blank=True, help_text=HELP["cause_method"]
    )
    cause_steps = models.JSONField("chain of whys", default=list, blank=True, help_text=HELP["cause_steps"])
    root_cause = models.TextField("root cause", blank=True, help_text=HELP["root_cause"])
    similar_elsewhere = models.TextField(
        "could it occur elsewhere?", blank=True, help_text=HELP["similar_elsewhere"]
    )
    aims_changes = models.TextField("changes needed to the AIMS", blank=True, help_text=HELP["aims_changes"])
    cause_analysed_on = models.DateField(null=True, blank=True)
    verification_round = models.PositiveIntegerField(
        default=0, help_text="How many times verification of effectiveness was requested."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = NonconformityQuerySet.as_manager()

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

    @property
    def is_overdue(self) -> bool:
        return not self.is_closed and self.due_on is not None and self.due_on < timezone.localdate()

    @property
    def has_root_cause(self) -> bool:
        return bool(self.root_cause.strip())

    @property
    def age_days(self) -> int:
        end = self.closed_on or timezone.localdate()
        return (end - self.raised_on).days


class CorrectiveActionQuerySet(models.QuerySet["CorrectiveAction"]):
    def overdue(self, today: date | None = None) -> CorrectiveActionQuerySet:
        return self.filter(status=CorrectiveAction.Status.OPEN, due_on__lt=today or timezone.localdate())


class CorrectiveAction(models.Model):
    """One action to remove the cause of a nonconformity (10.2 c))."""

    evidences: ClassVar[tuple[str, ...]] = ("10.2",)

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    nonconformity = models.ForeignKey(Nonconformity, on_delete=models.CASCADE, related_name="actions")
    description = models.TextField(help_text="What will be done to remove the cause.")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="The member who sees that it is done.",
    )
    due_on = models.DateField("due on", help_text="When it should be done.")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField("done on", null=True, blank=True, help_text="The day it was done.")
    notes = models.TextField(
        blank=True, help_text="How it was done, or why it was cancelled; links to the evidence."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CorrectiveActionQuerySet.as_manager()

    class Meta:
        ordering = ("due_on", "pk")
        indexes = [
            models.Index(fields=["nonconformity", "status"], name="nc_action_nc_status"),
            models.Index(fields=["status", "due_on"], name="nc_action_status_due"),
        ]

    def __str__(self) -> str:
        return self.description[:60]

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()


class EffectivenessCheck(models.Model):
    """A review of whether the corrective actions worked (10.2 d)); the history is kept."""

    class Outcome(models.TextChoices):
        EFFECTIVE = "effective", "Effective"
        NOT_EFFECTIVE = "not_effective", "Not effective"

    nonconformity = models.ForeignKey(Nonconformity, on_delete=models.CASCADE, related_name="checks")
    round = models.PositiveIntegerField(help_text="The verification round it answers.")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    checked_on = models.DateField("checked on", help_text="The day effectiveness was checked.")
    notes = models.TextField(help_text="What was looked at and what it showed.")
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("round", "pk")
        constraints = [
            models.UniqueConstraint(fields=["nonconformity", "round"], name="nc_check_one_per_round"),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} {self.checked_on:%Y-%m-%d}"

    @property
    def is_effective(self) -> bool:
        return self.outcome == self.Outcome.EFFECTIVE


OPPORTUNITY_HELP = {
    "reference": "aims numbers improvement opportunities IMP-0001, IMP-0002, … in each organisation.",
    "title": "A short name, such as “Automate the monthly fairness report”.",
    "description": "What could be better, and how.",
    "source": "Where the idea came from.",
    "source_reference": "The record it came from, such as “MR-2026-01” or “INC-0003”.",
    "owner": "The member who takes it forward.",
    "expected_benefit": "What the AI management system gains: suitability, adequacy or effectiveness.",
    "outcome": "What came of it, once done.",
    "decision_note": "Why it was accepted or declined.",
}


class ImprovementOpportunity(models.Model):
    """An opportunity for continual improvement of the AI management system (10.1)."""

    evidences: ClassVar[tuple[str, ...]] = ("10.1",)

    class Source(models.TextChoices):
        AUDIT = "audit", "Internal audit"
        REVIEW = "review", "Management review"
        MONITORING = "monitoring", "Monitoring and measurement"
        INCIDENT = "incident", "AI incident"
        SUGGESTION = "suggestion", "Suggestion"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACCEPTED = "accepted", "Accepted"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        DECLINED = "declined", "Declined"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for IMP-0012.")
    reference = models.CharField(max_length=20, help_text=OPPORTUNITY_HELP["reference"])
    title = models.CharField(max_length=200, help_text=OPPORTUNITY_HELP["title"])
    description = models.TextField(help_text=OPPORTUNITY_HELP["description"])
    source = models.CharField(max_length=20, choices=Source.choices, help_text=OPPORTUNITY_HELP["source"])
    source_reference = models.CharField(
        "came from", max_length=200, blank=True, help_text=OPPORTUNITY_HELP["source_reference"]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=OPPORTUNITY_HELP["owner"],
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    expected_benefit = models.TextField(
        "expected benefit", blank=True, help_text=OPPORTUNITY_HELP["expected_benefit"]
    )
    outcome = models.TextField("what came of it", blank=True, help_text=OPPORTUNITY_HELP["outcome"])
    decided_on = models.DateField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decision_note = models.TextField("reason", blank=True, help_text=OPPORTUNITY_HELP["decision_note"])
    completed_on = models.DateField(null=True, blank=True)
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    raised_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-number",)
        verbose_name_plural = "improvement opportunities"
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="imp_unique_number"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="imp_org_status"),
            models.Index(fields=["organization", "raised_on"], name="imp_org_raised"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.DECLINED)
