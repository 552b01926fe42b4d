"""People's qualifications and training records, with evidence files and expiry (7.2, 7.3, A.4.6)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from aims.organizations.models import Organization
from aims.people.models.roles import Competence


class TrainingRecord(models.Model):
    """Evidence that a person holds a competence: a course, a certificate, experience or education."""

    evidences: ClassVar[tuple[str, ...]] = ("7.2", "7.3", "A.4.6")

    class Kind(models.TextChoices):
        TRAINING = "training", "Training"
        CERTIFICATION = "certification", "Certification"
        EXPERIENCE = "experience", "Experience"
        EDUCATION = "education", "Education"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="training_records")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="training_records"
    )
    competence = models.ForeignKey(Competence, on_delete=models.CASCADE, related_name="training_records")
    kind = models.CharField(max_length=15, choices=Kind.choices, default=Kind.TRAINING)
    title = models.CharField(
        max_length=200, help_text='The course, certificate or role, such as "ISO 42001 Lead Implementer".'
    )
    completed_on = models.DateField(help_text="The day it was completed or obtained.")
    expires_on = models.DateField(null=True, blank=True, help_text="When it must be renewed; empty if never.")
    evidence = models.FileField(upload_to="people/evidence/", blank=True, max_length=200)
    evidence_name = models.CharField(max_length=200, blank=True)
    evidence_type = models.CharField(max_length=100, blank=True)
    evidence_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-completed_on", "-pk"]
        indexes = [
            models.Index(fields=["organization", "user"], name="people_training_org_user"),
            models.Index(fields=["organization", "competence"], name="people_training_org_comp"),
            models.Index(fields=["organization", "expires_on"], name="people_training_org_expiry"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.competence})"

    def clean(self) -> None:
        if self.expires_on and self.completed_on and self.expires_on < self.completed_on:
            raise ValidationError({"expires_on": "It cannot expire before it was completed."})

    def is_valid_on(self, day: date) -> bool:
        return self.expires_on is None or self.expires_on >= day
