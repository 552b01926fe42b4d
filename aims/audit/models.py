"""The audit trail: one event per action, hash-chained per organisation so tampering shows."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.utils import timezone

if TYPE_CHECKING:
    from aims.accounts.models import User

GENESIS_HASH = "0" * 64


class CanonicalJSONEncoder(json.JSONEncoder):
    """Writes JSON fields as `aims.lib.hashing.canonical_json` does (sorted keys, no spaces, UTF-8 as is).

    On SQLite the stored text is then the very text the hash covers, so `verify` can hash it without parsing.
    """

    def __init__(self, **options: Any) -> None:
        options.update(sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        super().__init__(**options)

    def default(self, o: Any) -> str:
        return str(o)


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
        from aims.organizations.models import Membership
        from aims.organizations.permissions import AUDIT_READERS

        if not user.is_authenticated:
            return self.none()
        readers = Membership.objects.current().filter(user=user, role__in=list(AUDIT_READERS))
        return self.filter(organization__in=readers.values("organization"))


class AuditEvent(models.Model):
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seq = models.PositiveBigIntegerField(help_text="Position in the organisation's chain, from 1.")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="A link to the account; emptied if the account is deleted, so the hash does not cover it.",
    )
    actor_label = models.CharField(
        max_length=254, help_text="Who acted (e-mail, or “system”), kept even if the account goes; hashed."
    )
    verb = models.CharField(max_length=80)
    target_type = models.CharField(max_length=80, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    target_label = models.CharField(max_length=200, blank=True)
    before = models.JSONField(null=True, blank=True, encoder=CanonicalJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=CanonicalJSONEncoder)
    data = models.JSONField(default=dict, blank=True, encoder=CanonicalJSONEncoder)
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
            models.Index(fields=["organization", "actor_label", "seq"], name="audit_org_actor_label_seq"),
            models.Index(fields=["organization", "target_type", "seq"], name="audit_org_type_seq"),
            models.Index(fields=["organization", "created_at", "seq"], name="audit_org_created_seq"),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.verb} {self.target_label}"

    @property
    def changes(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for every field named in `before` or `after`, by name."""
        before, after = self.before or {}, self.after or {}
        return [(name, before.get(name), after.get(name)) for name in sorted({*before, *after})]

    def payload(self) -> dict[str, Any]:
        """The fields the hash covers, in the form the hash is taken over."""
        return event_payload(
            seq=self.seq,
            organization_id=self.organization_id,
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
    """The hashed form of an event: its fields as given, with the time as UTC ISO 8601 to the microsecond.

    The actor's account id is left out on purpose: the link is emptied when an account is deleted, which must
    not break the chain. `actor_label` (the e-mail at the time) is what the hash vouches for.
    """
    fields["created_at"] = iso_utc(fields["created_at"])
    return fields


def iso_utc(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# The canonical serialisation, made fast: `json_text(v)` is `canonical_json(v)`, and `payload_text(...)` is
# `canonical_json(event_payload(...))` assembled from parts already serialised (tests hold them equal).
json_text = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode
_quote = json.encoder.encode_basestring


def payload_text(
    seq: int,
    organization_id: int | None,
    actor_label: str,
    verb: str,
    target_type: str,
    target_id: str,
    target_label: str,
    before: str,
    after: str,
    data: str,
    created_at: str,
) -> str:
    """The canonical payload from JSON texts (`before`, `after`, `data`) and the UTC ISO time as text.

    Call it with keywords; only `verify`'s inner loop passes the parts in order.
    """
    organization = "null" if organization_id is None else str(organization_id)
    return (
        f'{{"actor_label":{_quote(actor_label)},"after":{after},"before":{before},'
        f'"created_at":{_quote(created_at)},"data":{data},"organization_id":{organization},"seq":{seq},'
        f'"target_id":{_quote(target_id)},"target_label":{_quote(target_label)},'
        f'"target_type":{_quote(target_type)},"verb":{_quote(verb)}}}'
    )
