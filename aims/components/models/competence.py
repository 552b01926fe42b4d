"""Human resources (A.4.6): the competences an AI system needs, and the members who hold them."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.ai_systems.models import AISystem
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User


class CompetenceNeedQuerySet(models.QuerySet["CompetenceNeed"]):
    def visible_to(self, user: User) -> CompetenceNeedQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def search(self, text: str) -> CompetenceNeedQuerySet:
        text = text.strip()
        if not text:
            return self
        return self.filter(Q(competence__icontains=text) | Q(description__icontains=text))


class CompetenceNeed(models.Model):
    class Area(models.TextChoices):
        DATA_SCIENCE = "data_science", "Data science and machine learning"
        ENGINEERING = "engineering", "Software and data engineering"
        HUMAN_OVERSIGHT = "human_oversight", "Human oversight of outputs"
        DOMAIN = "domain", "Domain expertise"
        SECURITY = "security", "Security"
        SAFETY = "safety", "Safety"
        PRIVACY = "privacy", "Privacy and data protection"
        LEGAL = "legal", "Legal and compliance"
        RESEARCH = "research", "Research"
        OTHER = "other", "Other"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    ai_system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="competence_needs")
    competence = models.CharField(
        max_length=200,
        help_text="The skill or knowledge the system needs, e.g. “credit-risk modelling” (A.4.6).",
    )
    area = models.CharField(
        max_length=20, choices=Area.choices, help_text="The field it belongs to, as A.4.6 lists them."
    )
    description = models.TextField(
        blank=True,
        help_text="What the person does with it, at which life-cycle stage, and how much is needed.",
    )
    holders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="held_competences",
        blank=True,
        help_text="Members of the organisation who have this competence. None means a gap to fill.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CompetenceNeedQuerySet.as_manager()
    history = HistoricalRecords()

    evidences: ClassVar[tuple[str, ...]] = ("A.4.6",)
    audit_name: ClassVar[str] = "competence_need"

    class Meta:
        ordering = ["competence", "pk"]
        indexes = [
            models.Index(fields=["organization", "competence", "id"], name="cmp_comp_org_competence"),
            models.Index(fields=["organization", "area", "competence"], name="cmp_comp_org_area"),
            models.Index(fields=["organization", "ai_system", "competence"], name="cmp_comp_org_system"),
            models.Index(fields=["organization", "updated_at"], name="cmp_comp_org_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.competence} ({self.ai_system.reference})"
