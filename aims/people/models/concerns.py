"""Reported concerns about AI systems (A.3.3), and the public link for anonymous reports."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q

from aims.organizations.models import Organization
from aims.organizations.permissions import can_manage_members

if TYPE_CHECKING:
    from aims.accounts.models import User


class ConcernQuerySet(models.QuerySet["Concern"]):
    def visible_to(self, user: User, organization: Organization) -> ConcernQuerySet:
        """Owners and managers see every concern; anyone else only those they reported or investigate."""
        concerns = self.filter(organization=organization)
        if can_manage_members(user, organization):
            return concerns
        return concerns.filter(Q(reporter=user) | Q(assigned_investigator=user))


class Concern(models.Model):
    """A concern about the organisation's role in AI systems, raised by a member or anonymously (A.3.3).

    An anonymous concern stores no identity at all: no reporter, no address, no browser, no session.
    """

    evidences: ClassVar[tuple[str, ...]] = ("A.3.3",)

    class Channel(models.TextChoices):
        MEMBER = "member", "Member form"
        ANONYMOUS = "anonymous", "Anonymous public link"

    class Category(models.TextChoices):
        FAIRNESS = "fairness", "Bias or unfair treatment"
        SAFETY = "safety", "Safety or harm"
        PRIVACY = "privacy", "Privacy or personal data"
        SECURITY = "security", "Security"
        TRANSPARENCY = "transparency", "Transparency or explanation"
        MISUSE = "misuse", "Misuse or use outside the intended purpose"
        LEGAL = "legal", "Legal or ethical breach"
        OTHER = "other", "Something else"

    class Status(models.TextChoices):
        RECEIVED = "received", "Received"
        INVESTIGATING = "investigating", "Under investigation"
        CLOSED = "closed", "Closed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="concerns")
    reference = models.CharField(max_length=20)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    category = models.CharField(
        max_length=20, choices=Category.choices, help_text="What kind of concern it is, roughly."
    )
    description = models.TextField(
        help_text="What happened or what worries you: which system, when, who was affected (A.3.3)."
    )
    ai_system = models.ForeignKey(
        "ai_systems.AISystem", on_delete=models.SET_NULL, null=True, blank=True, related_name="concerns"
    )
    status = models.CharField(max_length=15, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.TextField(blank=True, help_text="What the investigation found and what was done.")
    assigned_investigator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_confidential = models.BooleanField(
        default=True,
        help_text="Keep the reporter's name from everyone but owners, managers and the investigator.",
    )
    received_on = models.DateField(
        help_text="The day it was received (a date only, to protect the reporter)."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConcernQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "reference"], name="people_concern_unique_ref")
        ]
        indexes = [
            models.Index(fields=["organization", "status"], name="people_concern_org_status"),
            models.Index(fields=["organization", "category"], name="people_concern_org_cat"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_anonymous(self) -> bool:
        return self.channel == self.Channel.ANONYMOUS


class PublicConcernLink(models.Model):
    """The organisation's public link for anonymous concerns; only the SHA-256 digest of its token is kept."""

    organization = models.OneToOneField(
        Organization, on_delete=models.CASCADE, related_name="public_concern_link"
    )
    digest = models.CharField(max_length=64, unique=True)
    is_enabled = models.BooleanField(default=True)
    rotated_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Public concern link of {self.organization}"
