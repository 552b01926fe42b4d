"""Writing to the audit trail. Every action calls `record` inside its own transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, models, transaction

from aims.audit.models import AuditChain, AuditEvent
from aims.lib.hashing import canonical_json, sha256_hex

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def chain_hash(payload: dict[str, Any], prev_hash: str) -> str:
    """SHA-256 over the canonical payload followed by the previous event's hash."""
    return sha256_hex(canonical_json(payload) + prev_hash)


def _organization_of(target: models.Model | None) -> Organization | None:
    from aims.organizations.models import Organization

    if isinstance(target, Organization):
        return target
    return getattr(target, "organization", None)


def _locked_chain(organization: Organization | None) -> AuditChain:
    key = AuditChain.key_for(organization.pk if organization else None)
    chain = AuditChain.objects.select_for_update().filter(key=key).first()
    if chain is not None:
        return chain
    try:
        with transaction.atomic():
            AuditChain.objects.create(key=key, organization=organization)
    except IntegrityError:
        pass  # another writer created it first
    return AuditChain.objects.select_for_update().get(key=key)


def record(
    *,
    actor: User | AnonymousUser | None,
    verb: str,
    target: models.Model | None = None,
    organization: Organization | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event to its organisation's chain (or the global chain for events of no organisation)."""
    organization = organization or _organization_of(target)
    from aims.accounts.models import User

    person = actor if isinstance(actor, User) else None
    with transaction.atomic():
        chain = _locked_chain(organization)
        event = AuditEvent(
            organization=organization,
            seq=chain.last_seq + 1,
            actor=person,
            actor_label=person.email if person else "system",
            verb=verb,
            target_type=target._meta.label_lower if target is not None else "",
            target_id=str(target.pk) if target is not None else "",
            target_label=str(target)[:200] if target is not None else "",
            before=_jsonable(before),
            after=_jsonable(after),
            data=_jsonable(data) or {},
            prev_hash=chain.last_hash,
        )
        event.hash = chain_hash(event.payload(), event.prev_hash)
        event.save(force_insert=True)
        chain.last_seq, chain.last_hash = event.seq, event.hash
        chain.save(update_fields=["last_seq", "last_hash"])
    return event


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Values as the database will give them back (dates and decimals become text), so hashes agree."""
    if value is None:
        return None
    import json

    loaded: dict[str, Any] = json.loads(canonical_json(value))
    return loaded


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of a record, for the before/after of an event."""
    return {name: getattr(instance, name) for name in fields}
