"""What a third party supplies to us or buys from us, and who is responsible for what (A.10.2)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from aims.ai_systems.models import AISystem, LifecycleStage
from aims.organizations.models import Membership, Organization
from aims.third_parties.models.choices import Responsible
from aims.third_parties.models.parties import ThirdParty

if TYPE_CHECKING:
    from aims.accounts.models import User

STAGE_ORDER = {stage: index for index, stage in enumerate(LifecycleStage.values)}


class RelationshipQuerySet(models.QuerySet["Relationship"]):
    def visible_to(self, user: User) -> RelationshipQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def active(self) -> RelationshipQuerySet:
        return self.filter(status=Relationship.Status.ACTIVE)


class Relationship(models.Model):
    """One relationship with a third party: for one AI system, or for the whole organisation."""

    evidences: ClassVar[tuple[str, ...]] = ("A.10.2", "A.10.3", "A.10.4")

    class Role(models.TextChoices):
        SUPPLIER = "supplier_to_us", "They supply us"
        CUSTOMER = "customer_of_ours", "They are our customer"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        ENDED = "ended", "Ended"

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    third_party = models.ForeignKey(ThirdParty, on_delete=models.CASCADE, related_name="relationships")
    ai_system = models.ForeignKey(
        AISystem,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="third_party_relationships",
        help_text="The AI system this relationship concerns; empty if it covers the whole organisation.",
    )
    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        default=Role.SUPPLIER,
        help_text="They supply us (A.10.3), or they are our customer (A.10.4).",
    )
    subject = models.CharField(
        "what is supplied or provided",
        max_length=300,
        help_text=(
            "What they supply to us, or what we provide to them, in plain words "
            "(e.g. “hosted language model through an API”)."
        ),
    )
    contract_reference = models.CharField(
        max_length=120,
        blank=True,
        help_text="The contract or terms that set out the responsibilities (A.10.2), e.g. MSA-2024-017.",
    )
    started_on = models.DateField(null=True, blank=True, help_text="When the relationship began.")
    next_review_on = models.DateField(
        null=True,
        blank=True,
        help_text="When you will next review the relationship and its contract (A.10.3 monitoring).",
    )
    notes = models.TextField(blank=True, help_text="Anything else: service levels, data-processing terms, …")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    ended_on = models.DateField(null=True, blank=True)
    end_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = RelationshipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["third_party__name", "pk"]
        indexes = [
            models.Index(fields=["organization", "status", "role"], name="tprel_org_status_role"),
            models.Index(fields=["organization", "next_review_on"], name="tprel_org_review"),
            models.Index(fields=["organization", "ai_system", "status"], name="tprel_org_system"),
            models.Index(fields=["third_party", "status"], name="tprel_party_status"),
        ]

    def __str__(self) -> str:
        return f"{self.third_party.name}: {self.subject}"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        party = self.third_party if self.third_party_id else None
        if party is not None and party.organization_id != self.organization_id:
            errors["third_party"] = "The third party belongs to another organisation."
        system = self.ai_system if self.ai_system_id else None
        if system is not None and system.organization_id != self.organization_id:
            errors["ai_system"] = "No such AI system in this organisation."
        if party is not None and not self._role_fits(party):
            errors["role"] = self._role_mismatch(party)
        if self.started_on and self.next_review_on and self.next_review_on < self.started_on:
            errors["next_review_on"] = "The next review cannot be before the relationship started."
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            errors["ended_on"] = "The relationship cannot end before it started."
        if errors:
            raise ValidationError(errors)

    def _role_fits(self, party: ThirdParty) -> bool:
        return party.may_supply if self.role == self.Role.SUPPLIER else party.may_buy

    def _role_mismatch(self, party: ThirdParty) -> str:
        return (
            f"{party.name} is recorded as a {party.get_kind_display().lower()}; "
            "change its kind first, or choose the other role."
        )

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_review_due(self) -> bool:
        return (
            self.is_active and self.next_review_on is not None and self.next_review_on <= timezone.localdate()
        )


class ResponsibilityAllocation(models.Model):
    """Who is responsible for one life-cycle stage in one relationship (A.10.2)."""

    evidences: ClassVar[tuple[str, ...]] = ("A.10.2",)

    relationship = models.ForeignKey(Relationship, on_delete=models.CASCADE, related_name="responsibilities")
    stage = models.CharField(max_length=30, choices=LifecycleStage.choices)
    party = models.CharField(max_length=20, choices=Responsible.choices)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["relationship", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["relationship", "stage"], name="tp_responsibility_unique_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.relationship_id} {self.stage}: {self.party}"
