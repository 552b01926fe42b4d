"""The audit trail: one event per action, hash-chained per organisation so tampering shows."""

from __future__ import annotations

from datetime import UTC
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from aims.accounts.models import User

GENESIS_HASH = "0" * 64


class AuditChain(models.Model):
    """The head of one hash chain: its last sequence number and hash. Locked while an event is appended."""

    key = models.CharField(max_length=40, unique=True, help_text='"org:<id>" or "global".')
    organization = models.OneToOneField(
        "organizations.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    last_seq = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS_HASH)

    def __str__(self) -> str:
        return f"{self.key} at #{self.last_seq}"

    @staticmethod
    def key_for(organization_id: int | None) -> str:
        return f"org:{organization_id}" if organization_id else "global"


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def visible_to(self, user: User) -> AuditEventQuerySet:
        from aims.organizations.permissions import AUDIT_READERS

        if not user.is_authenticated:
            return self.none()
        return self.filter(
            organization__memberships__user=user, organization__memberships__role__in=list(AUDIT_READERS)
        )


class AuditEvent(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seq = models.PositiveBigIntegerField(help_text="Position in the organisation's chain, from 1.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_label = models.CharField(max_length=254, help_text="Who acted, kept even if the account goes.")
    verb = models.CharField(max_length=80)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        constraints = [
            models.UniqueConstraint(fields=["organization", "seq"], name="audit_event_unique_seq_per_org"),
            models.UniqueConstraint(
                fields=["seq"],
                condition=models.Q(organization__isnull=True),
                name="audit_event_unique_seq_global",
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "verb", "seq"], name="audit_org_verb_seq"),
            models.Index(fields=["organization", "actor", "seq"], name="audit_org_actor_seq"),
            models.Index(fields=["organization", "target_type", "seq"], name="audit_org_type_seq"),
            models.Index(fields=["organization", "created_at"], name="audit_org_created"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.verb} {self.target_label}"

    def payload(self) -> dict[str, Any]:
        """The fields the hash covers, in the form the hash is taken over."""
        return event_payload(
            seq=self.seq,
            organization_id=self.organization_id,
            actor_id=self.actor_id,
            actor_label=self.actor_label,
            verb=self.verb,
            target_type=self.target_type,
            target_id=self.target_id,
            target_label=self.target_label,
            before=self.before,
            after=self.after,
            data=self.data,
            created_at=self.created_at,
        )


def event_payload(**fields: Any) -> dict[str, Any]:
    created_at = fields["created_at"]
    fields["created_at"] = created_at.astimezone(UTC).isoformat(timespec="microseconds")
    return fields
