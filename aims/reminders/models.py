"""Notices to members: in the application (a list with unread ones counted) and by e-mail. A notice is raised
once per `key`, so a reminder or a breached threshold is never told twice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from aims.organizations.models import Organization


class Notice(models.Model):
    class Level(models.TextChoices):
        INFO = "info", "Information"
        DUE_SOON = "due_soon", "Falls due soon"
        OVERDUE = "overdue", "Overdue"
        ALERT = "alert", "Alert"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(
        max_length=40, help_text="What it is about, such as document_review, evidence_expiry, threshold."
    )
    level = models.CharField(max_length=10, choices=Level.choices, default=Level.INFO)
    key = models.CharField(
        max_length=200,
        help_text="What makes the notice unique for its recipient, such as "
        "“documents.document:12:review:2026-12-01:overdue”; the same key is never noticed twice.",
    )
    subject = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="The page of the record, within aims.")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("-created_at", "-pk")
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notice_unique_recipient_key"),
        ]
        indexes = [
            models.Index(fields=["recipient", "organization", "read_at"], name="notice_recipient_unread"),
        ]

    def __str__(self) -> str:
        return self.subject
