"""Organisations (tenants), their members and roles, and invitations to join."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

if TYPE_CHECKING:
    from aims.accounts.models import User


class Role(models.TextChoices):
    OWNER = "owner", "Owner"
    MANAGER = "manager", "Manager"
    CONTRIBUTOR = "contributor", "Contributor"
    AUDITOR = "auditor", "Auditor"
    VIEWER = "viewer", "Viewer"
    EXTERNAL_AUDITOR = "external_auditor", "External auditor"


ROLE_HELP = {
    Role.OWNER: "Everything, including the organisation's settings and its owners.",
    Role.MANAGER: (
        "Runs the AIMS: edits every register, manages members (but not owners), reads the audit log."
    ),
    Role.CONTRIBUTOR: "Creates and edits records in the registers.",
    Role.AUDITOR: "Reads everything, including the audit log; records audit results.",
    Role.VIEWER: "Reads the organisation's records.",
    Role.EXTERNAL_AUDITOR: (
        "A certification body's auditor: reads everything for a set time; every page they open is recorded."
    ),
}

# The roles of the organisation's own people; an external auditor only visits, for a set time.
INTERNAL_ROLES = tuple(role for role in Role if role != Role.EXTERNAL_AUDITOR)


def end_of_day(day: date) -> datetime:
    """The last moment of `day` in the site's time zone: time-boxed access lasts through its last day."""
    return timezone.make_aware(datetime.combine(day, time.max))


class OrganizationQuerySet(models.QuerySet["Organization"]):
    def visible_to(self, user: User) -> OrganizationQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(pk__in=Membership.objects.organizations_of(user))


class Organization(models.Model):
    class AIRole(models.TextChoices):
        PROVIDER = "provider", "AI provider"
        PRODUCER = "producer", "AI producer"
        CUSTOMER = "customer", "AI customer"
        PARTNER = "partner", "AI partner"
        SUBJECT = "subject", "AI subject"
        AUTHORITY = "authority", "Relevant authority"

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=60, unique=True, help_text="Short name used in web addresses.")
    description = models.TextField(blank=True)
    ai_roles = models.JSONField(
        default=list,
        blank=True,
        help_text="The organisation's roles with respect to AI (clause 4.1): provider, producer, customer, …",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = OrganizationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class MembershipQuerySet(models.QuerySet["Membership"]):
    def current(self) -> MembershipQuerySet:
        """An expired membership counts as none at all: only these let anyone in."""
        return self.filter(models.Q(expires_at__isnull=True) | models.Q(expires_at__gt=timezone.now()))

    def organizations_of(self, user: User) -> models.QuerySet[Membership, Any]:
        """The ids of the organisations the user belongs to now, as a subquery for `organization__in`."""
        return self.current().filter(user=user).values("organization")

    def visible_to(self, user: User) -> MembershipQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))


class Membership(models.Model):
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the membership ends (external auditors only); after it, it counts as none at all.",
    )

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["organization", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="membership_unique_user_per_org"),
            models.CheckConstraint(
                condition=~models.Q(role="external_auditor") | models.Q(expires_at__isnull=False),
                name="membership_external_auditor_expires",
                violation_error_message="An external auditor's access needs an end date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organization} as {self.role}"

    @property
    def is_external(self) -> bool:
        return self.role == Role.EXTERNAL_AUDITOR

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def ends_on(self) -> date | None:
        """The last day of access, in the site's time zone."""
        return timezone.localdate(self.expires_at) if self.expires_at is not None else None

    @property
    def days_left(self) -> int | None:
        """Days of access left after today (0 on the last day); None when it does not expire or has ended."""
        if self.expires_at is None or self.is_expired:
            return None
        return (timezone.localdate(self.expires_at) - timezone.localdate()).days


def _invitation_expiry() -> object:
    return timezone.now() + timedelta(days=14)


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REVOKED = "revoked", "Revoked"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    digest = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=_invitation_expiry, help_text="When the link stops working.")
    access_expires_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the membership it grants ends (external auditors only).",
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "email"],
                condition=models.Q(status="pending"),
                name="invitation_one_pending_per_email",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="external_auditor") | models.Q(access_expires_at__isnull=False),
                name="invitation_external_auditor_expires",
                violation_error_message="An external auditor's access needs an end date.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organization} ({self.role})"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        access_left = self.access_expires_at is None or self.access_expires_at > now
        return self.status == self.Status.PENDING and self.expires_at > now and access_left

    @property
    def access_ends_on(self) -> date | None:
        """The last day of the access it grants (external auditors), in the site's time zone."""
        return timezone.localdate(self.access_expires_at) if self.access_expires_at is not None else None
