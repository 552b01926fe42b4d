"""What the component registers (models, datasets, resources) share: organisation, reference, status."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from django.db import models
from django.db.models import Q
from django.utils import timezone

from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from aims.accounts.models import User

C = TypeVar("C", bound=models.Model)


class Status(models.TextChoices):
    ACTIVE = "active", "Active"
    ARCHIVED = "archived", "Archived"


class ComponentQuerySet(models.QuerySet[C]):
    def visible_to(self, user: User) -> ComponentQuerySet[C]:
        if not user.is_authenticated:
            return self.none()
        return self.filter(organization__in=Membership.objects.organizations_of(user))

    def in_organization(self, organization: Organization) -> ComponentQuerySet[C]:
        return self.filter(organization=organization)

    def active(self) -> ComponentQuerySet[C]:
        return self.filter(status=Status.ACTIVE)

    def search(self, text: str) -> ComponentQuerySet[C]:
        """Reference, name, provider or description containing the text (any case)."""
        text = text.strip()
        if not text:
            return self
        return self.filter(
            Q(reference__icontains=text)
            | Q(name__icontains=text)
            | Q(provider__icontains=text)
            | Q(description__icontains=text)
        )


class Component(models.Model):
    """A row of a component register. Concrete models add their fields and an `ai_systems` link."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="+")
    reference = models.CharField(
        max_length=40,
        help_text="Your identifier, unique in the organisation (e.g. MOD-007). Left empty, aims numbers it.",
    )
    name = models.CharField(max_length=200, help_text="What people call it.")
    description = models.TextField(
        blank=True, help_text="What it is and what it is used for, in plain words."
    )
    provider = models.CharField(
        max_length=200,
        blank=True,
        help_text="Who makes or supplies it: an internal team or an outside supplier (A.10.3).",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    # The ISO/IEC 42001 requirements the register's records evidence (shown on its list page).
    evidences: ClassVar[tuple[str, ...]] = ()
    # The prefix of references that aims makes up (MOD-001), and the verb prefix of its audit events.
    common_fields: ClassVar[tuple[str, ...]] = ("reference", "name", "description", "provider")
    # The fields people edit (forms, API, actions), in the order forms show them.
    editable_fields: ClassVar[tuple[str, ...]] = common_fields
    reference_prefix: ClassVar[str] = ""
    audit_name: ClassVar[str] = ""

    class Meta:
        abstract = True
        constraints: ClassVar[list[Any]] = [
            models.UniqueConstraint(fields=["organization", "reference"], name="cmp_%(class)s_unique_ref"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    @property
    def is_archived(self) -> bool:
        return self.status == Status.ARCHIVED
