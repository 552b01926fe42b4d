"""Roles and responsibilities (5.3, A.3.2), RACI assignments and the competences roles need (7.2)."""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from aims.organizations.models import Organization


class Competence(models.Model):
    """A competence a role needs (7.2), such as "AI risk assessment" or AI literacy (EU AI Act Art. 4)."""

    evidences: ClassVar[tuple[str, ...]] = ("7.2", "7.3", "A.4.6")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="competences")
    name = models.CharField(max_length=200, help_text="The competence in a few words (7.2).")
    description = models.TextField(blank=True, help_text="What someone with it knows or can do.")
    is_ai_literacy = models.BooleanField(
        default=False, help_text="Counts as AI literacy training under the EU AI Act, Art. 4."
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="people_competence_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class AIMSRole(models.Model):
    """A role of the AI management system with its responsibilities and authorities (5.3, A.3.2)."""

    evidences: ClassVar[tuple[str, ...]] = ("5.3", "A.3.2")

    class Area(models.TextChoices):
        RISK = "risk", "Risk and impact assessment"
        ASSETS = "assets", "Asset and data management"
        SECURITY = "security", "Security"
        SAFETY = "safety", "Safety"
        PRIVACY = "privacy", "Privacy"
        DEVELOPMENT = "development", "Development"
        OVERSIGHT = "oversight", "Human oversight"
        SUPPLIERS = "suppliers", "Supplier relationships"
        LEGAL = "legal", "Legal requirements"
        DATA_QUALITY = "data_quality", "Data quality"
        PERFORMANCE = "performance", "AIMS performance reporting"
        CONFORMITY = "conformity", "Conformity of the AIMS"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aims_roles")
    name = models.CharField(max_length=200, help_text='The role\'s title, such as "AI risk owner" (5.3).')
    area = models.CharField(
        max_length=20,
        choices=Area.choices,
        help_text="The area of responsibility A.3.2 lists that it covers.",
    )
    description = models.TextField(blank=True, help_text="Why the role exists, in a sentence or two.")
    responsibilities = models.TextField(
        blank=True, help_text="What the holder must do and answer for (5.3 a, A.3.2)."
    )
    authorities = models.TextField(
        blank=True, help_text="What the holder may decide or approve without asking (5.3)."
    )
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="roles", help_text="Competences the holder needs (7.2 a)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "name"], name="people_role_unique_name")
        ]
        indexes = [models.Index(fields=["organization", "area"], name="people_role_org_area")]

    def __str__(self) -> str:
        return self.name


class RoleAssignment(models.Model):
    """A member holding a role from `since` (until `until`, when the assignment ended)."""

    role = models.ForeignKey(AIMSRole, on_delete=models.CASCADE, related_name="assignments")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="aims_roles")
    since = models.DateField(help_text="The day the person took the role on.")
    until = models.DateField(null=True, blank=True, help_text="The last day in the role; empty while held.")

    class Meta:
        ordering = ["-since"]
        indexes = [models.Index(fields=["role", "until"], name="people_assign_role_until")]

    def __str__(self) -> str:
        return f"{self.user} as {self.role}"

    def clean(self) -> None:
        if self.until and self.since and self.until < self.since:
            raise ValidationError({"until": "The end date cannot be before the start date."})

    @property
    def is_current(self) -> bool:
        return self.until is None


class RaciEntry(models.Model):
    """Who is Responsible, Accountable, Consulted or Informed for a process, a control or an AI system."""

    evidences: ClassVar[tuple[str, ...]] = ("5.3", "A.3.2")

    class Kind(models.TextChoices):
        PROCESS = "process", "Process"
        CONTROL = "control", "Control"
        SYSTEM = "system", "AI system"

    class Letter(models.TextChoices):
        RESPONSIBLE = "R", "Responsible"
        ACCOUNTABLE = "A", "Accountable"
        CONSULTED = "C", "Consulted"
        INFORMED = "I", "Informed"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="raci_entries")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    process = models.CharField(max_length=200, blank=True, help_text="The process's name (kind process).")
    control = models.ForeignKey(
        "catalog.CatalogItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": "control"},
    )
    ai_system = models.ForeignKey(
        "ai_systems.AISystem", on_delete=models.CASCADE, null=True, blank=True, related_name="raci_entries"
    )
    role = models.ForeignKey(AIMSRole, on_delete=models.CASCADE, related_name="raci_entries")
    letter = models.CharField(max_length=1, choices=Letter.choices)

    class Meta:
        ordering = ["kind", "process", "control__position", "ai_system__reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "process", "role"],
                condition=models.Q(kind="process"),
                name="people_raci_unique_process_role",
            ),
            models.UniqueConstraint(
                fields=["organization", "control", "role"],
                condition=models.Q(kind="control"),
                name="people_raci_unique_control_role",
            ),
            models.UniqueConstraint(
                fields=["ai_system", "role"],
                condition=models.Q(kind="system"),
                name="people_raci_unique_system_role",
            ),
        ]
        indexes = [models.Index(fields=["organization", "kind"], name="people_raci_org_kind")]

    def __str__(self) -> str:
        return f"{self.letter} {self.role} for {self.subject_label}"

    @property
    def subject_key(self) -> tuple[str, str]:
        return (self.kind, self.process or str(self.control_id or self.ai_system_id or ""))

    @property
    def subject_label(self) -> str:
        if self.kind == self.Kind.CONTROL and self.control is not None:
            return f"{self.control.ref} {self.control.title}"
        if self.kind == self.Kind.SYSTEM and self.ai_system is not None:
            return f"{self.ai_system.reference} {self.ai_system.name}"
        return self.process

    def clean(self) -> None:
        wanted: dict[str, bool] = {
            self.Kind.PROCESS: bool(self.process.strip()),
            self.Kind.CONTROL: self.control_id is not None,
            self.Kind.SYSTEM: self.ai_system_id is not None,
        }
        given = sum(bool(x) for x in (self.process.strip(), self.control_id, self.ai_system_id))
        if not wanted.get(self.kind) or given != 1:
            raise ValidationError(
                "Name exactly one subject, matching the kind: a process, a control or a system."
            )
