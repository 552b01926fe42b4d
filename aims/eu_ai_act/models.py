"""EU AI Act classifications of AI systems: the answers given, the class and role that follow, and the
obligations that then apply. A new answer set makes a new row; earlier rows stay as history."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User


class OperatorRole(models.TextChoices):
    """The organisation's role for the system under the Act (Article 3(3)-(7))."""

    PROVIDER = "provider", "Provider"
    DEPLOYER = "deployer", "Deployer"
    IMPORTER = "importer", "Importer"
    DISTRIBUTOR = "distributor", "Distributor"


OPERATOR_ROLE_HELP = {
    OperatorRole.PROVIDER: "You develop the system (or have it developed) and place it on the market or put "
    "it into service under your own name, for pay or free.",
    OperatorRole.DEPLOYER: "You use the system under your authority in your professional activity.",
    OperatorRole.IMPORTER: "You are in the EU and place on the EU market a system bearing the name of a "
    "provider established outside the EU.",
    OperatorRole.DISTRIBUTOR: "You make the system available on the EU market without being its provider "
    "or importer (a reseller, for instance).",
}

RISK_CLASS_CHOICES = [(value, label) for value, label in AISystem.RiskClass.choices if value]


class ClassificationQuerySet(models.QuerySet["Classification"]):
    def visible_to(self, user: User) -> ClassificationQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def current(self) -> ClassificationQuerySet:
        return self.filter(is_current=True)


class Classification(models.Model):
    """One classification of one AI system: what was answered, by whom, and what follows from it."""

    evidences: ClassVar[tuple[str, ...]] = ("4.1", "4.2", "6.1.2", "A.10.2")

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    ai_system = models.ForeignKey(AISystem, on_delete=models.CASCADE, related_name="eu_classifications")
    answers = models.JSONField(default=dict, help_text="The questionnaire answers, by question id.")
    declared_role = models.CharField(
        max_length=20,
        choices=OperatorRole.choices,
        help_text="The role the organisation said it has for the system.",
    )
    operator_role = models.CharField(
        max_length=20,
        choices=OperatorRole.choices,
        help_text="The role whose obligations apply: the declared one, or provider under Article 25(1).",
    )
    risk_class = models.CharField(max_length=20, choices=RISK_CLASS_CHOICES)
    reasons = models.JSONField(default=list, help_text="Why the system is in this class, in plain words.")
    obligations = models.JSONField(
        default=list, help_text="The articles that apply: a list of {article, title, why}."
    )
    rules_version = models.PositiveIntegerField(
        help_text="The version of aims's rules that gave this result."
    )
    classified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    classified_at = models.DateTimeField(default=timezone.now)
    is_current = models.BooleanField(default=True)

    objects = ClassificationQuerySet.as_manager()

    class Meta:
        ordering = ["-classified_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["ai_system"], condition=Q(is_current=True), name="eu_classification_one_current"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "is_current", "risk_class"], name="euc_org_current_class"),
            models.Index(fields=["organization", "is_current", "operator_role"], name="euc_org_current_role"),
            models.Index(fields=["organization", "classified_at"], name="euc_org_time"),
            models.Index(fields=["ai_system", "classified_at"], name="euc_system_time"),
        ]

    def __str__(self) -> str:
        return f"{self.ai_system}: {self.get_risk_class_display()}"

    @property
    def role_changed(self) -> bool:
        """The obligations follow another role than the one declared (Article 25(1))."""
        return self.operator_role != self.declared_role
