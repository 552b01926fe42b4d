"""Acknowledgement campaigns (7.3): the people on a published version's distribution list read it and say so.

Acknowledgements are kept per version: a newer version needs a new campaign. Every write goes through
`aims.acknowledgements.actions`.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from aims.documents.models import DocumentVersion
from aims.organizations.models import Organization

HELP = {
    "due_on": "The day by which everyone should have acknowledged it; empty means no deadline.",
    "message": "A few words sent with the request: why reading this matters to the recipients.",
}


class CampaignQuerySet(models.QuerySet["Campaign"]):
    def open(self) -> CampaignQuerySet:
        return self.filter(closed_at__isnull=True)

    def closed(self) -> CampaignQuerySet:
        return self.filter(closed_at__isnull=False)

    def with_counts(self) -> CampaignQuerySet:
        """Adds `total` and `acknowledged` (one grouped query, no per-row counting)."""
        return self.annotate(
            total=Count("requests"),
            acknowledged=Count("requests", filter=Q(requests__acknowledged_at__isnull=False)),
        )


class Campaign(models.Model):
    """Asks everyone on a published version's distribution list to read and acknowledge it (7.3)."""

    evidences: ClassVar[tuple[str, ...]] = ("7.3", "5.2")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    version = models.ForeignKey(DocumentVersion, on_delete=models.RESTRICT, related_name="+")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField("due", null=True, blank=True, help_text=HELP["due_on"])
    message = models.TextField(blank=True, help_text=HELP["message"])
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ("-started_at", "-pk")
        constraints = [
            models.UniqueConstraint(
                fields=["version"],
                condition=Q(closed_at__isnull=True),
                name="ack_one_open_campaign_per_version",
            )
        ]
        indexes = [
            models.Index(fields=["organization", "closed_at", "started_at"], name="ack_campaign_org_open"),
            models.Index(fields=["version", "started_at"], name="ack_campaign_version"),
        ]

    def __str__(self) -> str:
        return f"Acknowledgement of {self.version}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


class AcknowledgementRequest(models.Model):
    """One recipient of a campaign: whether and when they acknowledged, and the reminders they were sent."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="requests")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveIntegerField(default=0)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("campaign", "recipient__email")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "recipient"], name="ack_request_unique_recipient")
        ]
        indexes = [
            models.Index(fields=["recipient", "acknowledged_at"], name="ack_request_recipient"),
            models.Index(fields=["campaign", "acknowledged_at"], name="ack_request_campaign_state"),
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} for campaign {self.campaign_id}"

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None
