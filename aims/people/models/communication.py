"""Communication about the AIMS (7.4): what, when, with whom, how and by whom; and what was communicated."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models

from aims.organizations.models import Organization


class CommunicationPlanItem(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("7.4",)

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        MEETING = "meeting", "Meeting"
        INTRANET = "intranet", "Intranet or wiki"
        WEBSITE = "website", "Public website"
        REPORT = "report", "Report"
        TRAINING = "training", "Training session"
        OTHER = "other", "Other"

    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="communication_plan"
    )
    what = models.CharField(
        max_length=200, help_text='What is communicated, such as "AI policy changes" (7.4 a).'
    )
    audience = models.CharField(max_length=200, help_text="With whom: staff, customers, regulators… (7.4 c).")
    frequency = models.CharField(max_length=100, help_text='When: "quarterly", "at each release" (7.4 b).')
    channel = models.CharField(
        max_length=15, choices=Channel.choices, help_text="How it is communicated (7.4 d)."
    )
    communicator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    purpose = models.TextField(blank=True, help_text="Why: what the audience should know or do afterwards.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["what"]
        indexes = [models.Index(fields=["organization", "channel"], name="people_complan_org_channel")]

    def __str__(self) -> str:
        return f"{self.what} → {self.audience}"


class CommunicationLog(models.Model):
    evidences: ClassVar[tuple[str, ...]] = ("7.4",)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="communication_log")
    plan_item = models.ForeignKey(
        CommunicationPlanItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="log_entries"
    )
    communicated_on = models.DateField(help_text="The day it was communicated.")
    audience = models.CharField(max_length=200, help_text="Who received it.")
    summary = models.TextField(help_text="What was said or sent, in a few sentences.")
    communicated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    evidence_link = models.URLField(blank=True, help_text="A link to the e-mail, minutes or page, if any.")

    class Meta:
        ordering = ["-communicated_on", "-pk"]
        indexes = [models.Index(fields=["organization", "communicated_on"], name="people_comlog_org_date")]

    def __str__(self) -> str:
        return f"{self.communicated_on}: {self.audience}"
