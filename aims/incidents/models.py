"""AI incidents (A.8.3, A.8.4): what happened to which AI systems, the harm, how it was found and contained,
whether it is a serious incident under the EU AI Act and when it must be reported, and who was told what.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents import deadlines
from aims.organizations.models import Organization

HELP = {
    "reference": "aims numbers incidents INC-0001, INC-0002, … in each organisation.",
    "ai_systems": "The AI systems involved in the incident.",
    "title": "A short name for the incident, such as “Chatbot gave wrong refund amounts”.",
    "what_happened": "What happened, in order, as far as it is known.",
    "harm": "Who was harmed or could have been, and how: people, groups, the organisation, society.",
    "severity": "How bad the consequences are or could be.",
    "detected_on": "The day the incident was first detected.",
    "detected_how": "How it came to light: monitoring, a user complaint, an external report, an audit.",
    "became_aware_at": "When the organisation became aware that this is an incident; reporting deadlines "
    "count from here.",
    "containment": "What was done to stop the harm spreading: system paused, feature switched off, "
    "outputs corrected.",
    "owner": "The member who coordinates the response.",
    "is_serious": "A serious incident under the EU AI Act: death or serious harm to health, serious and "
    "irreversible disruption of critical infrastructure, infringement of fundamental rights obligations, or "
    "serious harm to property or the environment.",
    "serious_kind": deadlines.HELP,
    "reported_to_authority_at": "When the incident was reported to the authority.",
    "authority": "The authority it was reported to, such as the national market surveillance authority.",
}


class IncidentQuerySet(models.QuerySet["Incident"]):
    def unreported_serious(self) -> IncidentQuerySet:
        return self.filter(is_serious=True, reported_to_authority_at__isnull=True)

    def overdue(self, now: datetime | None = None) -> IncidentQuerySet:
        """Serious incidents not reported whose deadline has passed."""
        now = now or timezone.now()
        late = models.Q()
        for kind, days in deadlines.DAYS.items():
            late |= models.Q(serious_kind=kind, became_aware_at__lt=now - timedelta(days=days))
        return self.unreported_serious().filter(late)


class Incident(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("A.8.3", "A.8.4")

    class Severity(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"
        CRITICAL = "critical", "Critical"

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CONTAINED = "contained", "Contained"
        RESOLVED = "resolved", "Resolved"
        CLOSED = "closed", "Closed"

    class SeriousKind(models.TextChoices):
        GENERAL = deadlines.GENERAL, "Serious incident (15 days)"
        WIDESPREAD = (
            deadlines.WIDESPREAD_OR_CRITICAL,
            "Widespread infringement or critical infrastructure (2 days)",
        )
        DEATH = deadlines.DEATH, "Death of a person (10 days)"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(help_text="The number in the reference: 12 for INC-0012.")
    reference = models.CharField(max_length=20, help_text=HELP["reference"])
    ai_systems = models.ManyToManyField(
        AISystem, related_name="incidents", blank=True, help_text=HELP["ai_systems"]
    )
    title = models.CharField(max_length=200, help_text=HELP["title"])
    what_happened = models.TextField(help_text=HELP["what_happened"])
    harm = models.TextField(blank=True, help_text=HELP["harm"])
    severity = models.CharField(max_length=10, choices=Severity.choices, help_text=HELP["severity"])
    detected_on = models.DateField("detected on", help_text=HELP["detected_on"])
    detected_how = models.CharField(
        "how detected", max_length=300, blank=True, help_text=HELP["detected_how"]
    )
    became_aware_at = models.DateTimeField("became aware at", help_text=HELP["became_aware_at"])
    containment = models.TextField(blank=True, help_text=HELP["containment"])
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=HELP["owner"],
    )
    is_serious = models.BooleanField("serious incident", default=False, help_text=HELP["is_serious"])
    serious_kind = models.CharField(
        "kind of serious incident",
        max_length=40,
        choices=SeriousKind.choices,
        blank=True,
        help_text=HELP["serious_kind"],
    )
    reported_to_authority_at = models.DateTimeField(
        "reported to the authority at", null=True, blank=True, help_text=HELP["reported_to_authority_at"]
    )
    authority = models.CharField(max_length=200, blank=True, help_text=HELP["authority"])
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="inc_unique_reference"),
            models.UniqueConstraint(fields=["organization", "number"], name="inc_unique_number"),
        ]
        indexes = [
            models.Index(fields=["organization", "status", "number"], name="inc_org_status"),
            models.Index(fields=["organization", "severity", "number"], name="inc_org_severity"),
            models.Index(
                fields=["organization", "is_serious", "reported_to_authority_at"], name="inc_org_serious"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.title}"

    @property
    def deadline(self) -> datetime | None:
        """When the authority must have the report; None unless the incident is serious."""
        if not self.is_serious or not self.serious_kind:
            return None
        return deadlines.reporting_deadline(self.became_aware_at, self.serious_kind)

    @property
    def time_left(self) -> timedelta | None:
        """The countdown to the deadline while the incident is not reported; negative once late."""
        if self.deadline is None or self.reported_to_authority_at is not None:
            return None
        return self.deadline - timezone.now()

    @property
    def countdown(self) -> str:
        left = self.time_left
        return deadlines.describe_remaining(left) if left is not None else ""

    @property
    def is_overdue(self) -> bool:
        left = self.time_left
        return left is not None and left.total_seconds() < 0

    @property
    def reported_late(self) -> bool:
        deadline = self.deadline
        reported = self.reported_to_authority_at
        return deadline is not None and reported is not None and reported > deadline

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED


class IncidentCommunication(models.Model):
    """One message about the incident: who was told what, when and how (A.8.3, A.8.4)."""

    class Audience(models.TextChoices):
        USERS = "users", "Users"
        AFFECTED = "affected_people", "Affected people"
        AUTHORITY = "authority", "Authority"
        SUPPLIER = "supplier", "Supplier"
        CUSTOMER = "customer", "Customer"
        INTERNAL = "internal", "Internal"
        OTHER = "other", "Other"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="communications")
    sent_at = models.DateTimeField("when", help_text="When the message was sent or the conversation held.")
    audience = models.CharField(max_length=20, choices=Audience.choices, help_text="Who was told.")
    recipient = models.CharField(
        "told whom",
        max_length=200,
        blank=True,
        help_text="The person or body, such as “Bank X support desk”.",
    )
    told_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        help_text="The member who told them.",
    )
    message = models.TextField("what was said", help_text="What was said, in short.")
    channel = models.CharField(
        max_length=100, blank=True, help_text="How: email, phone, portal, letter, meeting, status page."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ("-sent_at", "-pk")
        indexes = [models.Index(fields=["incident", "sent_at"], name="inc_comm_incident")]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} {self.sent_at:%Y-%m-%d}"


class ExternalReportLink(models.Model):
    """The organisation's public link for reports of adverse impacts (A.8.3); only the SHA-256 digest of its
    token is kept, so the link cannot be rebuilt from the database."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="external_report_link"
    )
    digest = models.CharField(max_length=64, unique=True)
    is_enabled = models.BooleanField(default=True)
    rotated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"External report link of {self.organization}"


class ExternalReport(models.Model):
    """A report of an adverse impact from outside the organisation, through the public form (A.8.3), until a
    member triages it into an incident or dismisses it."""

    evidences: ClassVar[tuple[str, ...]] = ("A.8.3",)

    class Status(models.TextChoices):
        NEW = "new", "New"
        INCIDENT = "incident", "Incident opened"
        DISMISSED = "dismissed", "Dismissed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField()
    reference = models.CharField(max_length=20, help_text="aims numbers reports EXT-0001, EXT-0002, …")
    what_happened = models.TextField(
        "what happened", help_text="What the AI system did and how it affected you or others."
    )
    product = models.CharField(
        "product or service", max_length=200, blank=True, help_text="Which product, service or feature."
    )
    contact = models.CharField(
        max_length=200, blank=True, help_text="Optional: an email or phone number if you want an answer."
    )
    received_at = models.DateTimeField(default=timezone.now)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    incident = models.ForeignKey(
        Incident, on_delete=models.SET_NULL, null=True, blank=True, related_name="external_reports"
    )
    triaged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    triaged_at = models.DateTimeField(null=True, blank=True)
    triage_note = models.TextField(blank=True, help_text="Why the report was dismissed, or what was done.")

    class Meta:
        ordering = ("-number",)
        constraints = [
            models.UniqueConstraint(fields=["organization", "number"], name="inc_ext_unique_number"),
        ]
        indexes = [models.Index(fields=["organization", "status", "number"], name="inc_ext_org_status")]

    def __str__(self) -> str:
        return self.reference
