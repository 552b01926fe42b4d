"""Writing to the audit trail. Every action calls `record` inside its own transaction."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from aims.audit.models import AuditChain, AuditEvent, CanonicalJSONEncoder, iso_utc, json_text, payload_text
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
            # Taken while the chain is locked, so times never go back along a chain (the list's date
            # filters rely on it).
            created_at=timezone.now(),
            prev_hash=chain.last_hash,
        )
        event.hash = chain_hash(event.payload(), event.prev_hash)
        event.save(force_insert=True)
        chain.last_seq, chain.last_hash = event.seq, event.hash
        chain.save(update_fields=["last_seq", "last_hash"])
    return event


class NewEvent(NamedTuple):
    """An event for `append_events`: everything but its place in the chain. JSON fields hold plain JSON."""

    actor_id: int | None
    actor_label: str
    verb: str
    created_at: datetime
    target_type: str = ""
    target_id: str = ""
    target_label: str = ""
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    data: dict[str, Any] | None = None


_INSERT_COLUMNS = (
    "organization_id",
    "seq",
    "actor_id",
    "actor_label",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "before",
    "after",
    "data",
    "created_at",
    "prev_hash",
    "hash",
)


def _insert_sql() -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(name) for name in _INSERT_COLUMNS)
    marks = ", ".join(["%s"] * len(_INSERT_COLUMNS))
    return f"INSERT INTO {quote(AuditEvent._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608


def _db_rows(
    org_id: int | None, seq: int, prev: str, events: Iterable[NewEvent]
) -> tuple[list[tuple[Any, ...]], int, str]:
    """The rows to insert after (seq, prev), hashed as `record` hashes, and the new head."""
    ops, on_sqlite = connection.ops, connection.vendor == "sqlite"
    rows = []
    for event in events:
        seq += 1
        values = (event.before, event.after, event.data or {})
        texts = [json_text(value) for value in values]
        text = payload_text(
            seq=seq,
            organization_id=org_id,
            actor_label=event.actor_label,
            verb=event.verb,
            target_type=event.target_type,
            target_id=event.target_id,
            target_label=event.target_label,
            before=texts[0],
            after=texts[1],
            data=texts[2],
            created_at=iso_utc(event.created_at),
        )
        digest = sha256_hex(text + prev)
        # SQLite stores the canonical text itself; other databases take their own JSON type.
        stored = texts if on_sqlite else [ops.adapt_json_value(v, CanonicalJSONEncoder) for v in values]
        before, after = (None if value is None else db for value, db in zip(values[:2], stored, strict=False))
        when = ops.adapt_datetimefield_value(event.created_at)
        rows.append(
            (org_id, seq, event.actor_id, event.actor_label, event.verb, event.target_type, event.target_id,
             event.target_label, before, after, stored[2], when, prev, digest)
        )  # fmt: skip
        prev = digest
    return rows, seq, prev


def append_events(organization: Organization | None, events: Iterable[NewEvent]) -> int:
    """Append many events to a chain in one transaction (imports, benchmarks); returns the head's seq.

    The same hashes as `record`, written with one prepared INSERT rather than a model per row. Times must
    not go back: each `created_at` no earlier than the chain's last event.
    """
    with transaction.atomic():
        chain = _locked_chain(organization)
        org_id = organization.pk if organization else None
        rows, seq, prev = _db_rows(org_id, chain.last_seq, chain.last_hash, events)
        with connection.cursor() as cursor:
            cursor.executemany(_insert_sql(), rows)
        chain.last_seq, chain.last_hash = seq, prev
        chain.save(update_fields=["last_seq", "last_hash"])
    return seq


def _jsonable(value: dict[str, Any] | None) -> dict[str, Any] | None:
    """Values as the database will give them back (dates and decimals become text), so hashes agree."""
    if value is None:
        return None
    loaded: dict[str, Any] = json.loads(canonical_json(value), parse_float=_json_number)
    return loaded


def _json_number(text: str) -> float | int:
    """Numbers as PostgreSQL's jsonb gives them back: it writes 1e+20 as 100000000000000000000 (so such whole
    floats are stored as ints already) and has no negative zero."""
    number = float(text)
    if number.is_integer() and abs(number) >= 1e16:
        return int(number)
    return number if number else 0.0


def snapshot(instance: models.Model, fields: list[str]) -> dict[str, Any]:
    """The named fields of a record, for the before/after of an event."""
    return {name: getattr(instance, name) for name in fields}
