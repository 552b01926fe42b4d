"""Management reviews (9.3): the meeting of top management, the inputs aims gathers for it (9.3.2), who
attended, what was said on each input, and the results (9.3.3): decisions and the actions that track them.

Once the meeting is recorded as held, the compiled inputs are frozen on the review as JSON with its SHA-256,
so the minutes read the same whatever happens to the registers afterwards.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.lib.hashing import canonical_json, sha256_hex
from aims.organizations.models import Organization

HELP = {
    "reference": "aims numbers management reviews MR-0001, MR-0002, … in each organisation.",
    "title": "A short name for the meeting, such as “Management review Q2 2026”.",
    "period_start": "The first day of the period the inputs cover. By default, the day after the previous "
    "review's period ended, or twelve months back for the first review.",
    "period_end": "The last day of the period the inputs cover. By default, the planned meeting date.",
    "planned_on": "When top management plans to meet (9.3.1: at planned intervals).",
    "place": "Where the meeting takes place: a room, or “online” with the call's name.",
    "chair": "The member who chairs the meeting; reminded as the date approaches.",
    "held_on": "The day the meeting took place.",
    "attendee_user": "A member of the organisation who attends.",
    "attendee_name": "The name of an attendee who is not a member of aims, such as an external adviser.",
    "meeting_role": "Their role in the meeting, such as “Chief executive”, “Minute taker”, “AIMS lead”.",
    "is_top_management": "Tick for members of top management: the review is theirs (9.3.1), and the meeting "
    "can only be recorded as held with at least one of them present.",
    "attendance": "Present, or sent apologies.",
    "decision_kind": "What the decision is about (9.3.3): an opportunity for continual improvement, a change "
    "to the AI management system, a need for resources, or something else.",
    "decision_text": "The decision, in the words the meeting agreed.",
    "action_description": "What is to be done.",
    "action_owner": "The member who answers for the action; reminded as it falls due.",
    "action_due_on": "When the action is to be done by.",
    "action_notes": "Progress, or what was done and where the evidence is.",
    "cancel_reason": "Why the meeting will not take place.",
}


class ManagementReviewQuerySet(models.QuerySet["ManagementReview"]):
    def open_for_minutes(self) -> ManagementReviewQuerySet:
        return self.filter(status__in=ManagementReview.WRITABLE)


class ManagementReview(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("9.3", "9.3.1", "9.3.2", "9.3.3")

    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        HELD = "held", "Held"
        APPROVED = "approved", "Minutes approved"
        CANCELLED = "cancelled", "Cancelled"

    WRITABLE: ClassVar[tuple[str, ...]] = (Status.PLANNED, Status.HELD)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for MR-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    title = models.CharField(max_length=200, help_text=HELP["title"])
    period_start = models.DateField("period from", help_text=HELP["period_start"])
    period_end = models.DateField("period to", help_text=HELP["period_end"])
    planned_on = models.DateField("meeting date", help_text=HELP["planned_on"])
    place = models.CharField("place or call", max_length=200, blank=True, help_text=HELP["place"])
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["chair"],
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    held_on = models.DateField("held on", null=True, blank=True, help_text=HELP["held_on"])
    inputs_snapshot = models.JSONField(
        null=True, blank=True, help_text="The inputs as compiled when the meeting was recorded as held."
    )
    inputs_sha256 = models.CharField(max_length=64, blank=True)
    inputs_frozen_at = models.DateTimeField(null=True, blank=True)
    minutes_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    minutes_approved_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True, help_text=HELP["cancel_reason"])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ManagementReviewQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="mr_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="mr_unique_reference"),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")), name="mr_period_in_order"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="mr_org_status"),
            models.Index(fields=["status", "planned_on"], name="mr_status_planned"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def is_frozen(self) -> bool:
        return self.inputs_snapshot is not None

    @property
    def is_writable(self) -> bool:
        """Attendees, notes, decisions and actions can still be written: planned or held, not approved."""
        return self.status in self.WRITABLE

    @property
    def snapshot_verifies(self) -> bool | None:
        """Whether the frozen inputs still match their SHA-256; None while nothing is frozen."""
        if self.inputs_snapshot is None:
            return None
        return snapshot_digest(self.inputs_snapshot) == self.inputs_sha256


def snapshot_digest(snapshot: Any) -> str:
    return sha256_hex(canonical_json(snapshot))


class ReviewAttendee(models.Model):
    class Attendance(models.TextChoices):
        PRESENT = "present", "Present"
        APOLOGIES = "apologies", "Apologies"

    review = models.ForeignKey(ManagementReview, on_delete=models.CASCADE, related_name="attendees")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["attendee_user"],
    )
    name = models.CharField(max_length=200, blank=True, help_text=HELP["attendee_name"])
    meeting_role = models.CharField(
        "role in the meeting", max_length=100, blank=True, help_text=HELP["meeting_role"]
    )
    is_top_management = models.BooleanField(
        "top management", default=False, help_text=HELP["is_top_management"]
    )
    attendance = models.CharField(
        max_length=10, choices=Attendance.choices, default=Attendance.PRESENT, help_text=HELP["attendance"]
    )

    class Meta:
        ordering = ("-is_top_management", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["review", "user"], condition=models.Q(user__isnull=False), name="mr_attendee_once"
            )
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user is not None:
            return self.user.display_name
        return self.name


class ReviewDiscussion(models.Model):
    """What the meeting said about one input section."""

    review = models.ForeignKey(ManagementReview, on_delete=models.CASCADE, related_name="discussions")
    section_key = models.CharField(max_length=40)
    notes = models.TextField(blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("pk",)
        constraints = [models.UniqueConstraint(fields=["review", "section_key"], name="mr_discussion_once")]

    def __str__(self) -> str:
        return f"{self.review_id} {self.section_key}"


class ReviewDecision(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("9.3.3",)

    class Kind(models.TextChoices):
        IMPROVEMENT = "improvement", "Continual improvement opportunity"
        CHANGE = "change", "Change to the AI management system"
        RESOURCES = "resources", "Resource need"
        OTHER = "other", "Other"

    review = models.ForeignKey(ManagementReview, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveIntegerField(help_text="1, 2, … within the review.")
    kind = models.CharField(max_length=20, choices=Kind.choices, help_text=HELP["decision_kind"])
    text = models.TextField("decision", help_text=HELP["decision_text"])
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("number",)
        constraints = [models.UniqueConstraint(fields=["review", "number"], name="mr_decision_number")]

    def __str__(self) -> str:
        return f"D{self.number} {self.text[:60]}"


class ReviewActionQuerySet(models.QuerySet["ReviewAction"]):
    def open(self) -> ReviewActionQuerySet:
        return self.filter(status=ReviewAction.Status.OPEN)

    def overdue(self, today: Any = None) -> ReviewActionQuerySet:
        return self.open().filter(due_on__lt=today or timezone.localdate())


class ReviewAction(models.Model):
    """An output of a management review tracked to completion (9.3.3); shown in the next review (9.3.2 a)."""

    evidences: ClassVar[tuple[str, ...]] = ("9.3.3",)

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(ManagementReview, on_delete=models.CASCADE, related_name="actions")
    decision = models.ForeignKey(
        ReviewDecision,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        help_text="The decision this action carries out, if any.",
    )
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for MRA-0012.")
    reference = models.CharField(max_length=20)
    description = models.TextField(help_text=HELP["action_description"])
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["action_owner"],
    )
    due_on = models.DateField("due", null=True, blank=True, help_text=HELP["action_due_on"])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    done_on = models.DateField("done on", null=True, blank=True)
    notes = models.TextField(blank=True, help_text=HELP["action_notes"])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ReviewActionQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="mra_unique_number"),
            models.UniqueConstraint(fields=["organization", "reference"], name="mra_unique_reference"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "due_on"], name="mra_org_status_due"),
            models.Index(fields=["organization", "owner", "status"], name="mra_org_owner"),
            models.Index(fields=["status", "due_on"], name="mra_status_due"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.description[:60]}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.status == self.Status.OPEN and self.due_on is not None and self.due_on < timezone.localdate()
        )
