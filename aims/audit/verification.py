"""Checking a hash chain end to end: any row changed, deleted or inserted behind aims's back shows.

Each chain is read once, in `seq` order, and every event's hash is recomputed from its fields and the hash of
the event before it. The chain head (`AuditChain`) that `record` keeps says where the chain must end, so a
deleted last event or a forged event appended at the end shows too. Someone who rewrites the events *and* the
head can only be caught against a copy of the head kept elsewhere (a backup, a printed report).

The head is read before the events, so events appended while `verify` runs are not taken for forgeries:
an event beyond that head is accepted only if the head, read again, covers it.

On SQLite a fast path hashes the stored JSON text as it is (aims stores it canonically) instead of parsing
and re-serialising it; any row it cannot vouch for is checked again the slow, exact way.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection

from aims.audit.models import GENESIS_HASH, AuditChain, AuditEvent, event_payload, payload_text
from aims.audit.trail import chain_hash
from aims.lib.hashing import sha256_hex
from aims.organizations.models import Organization

# The order `_Walk.check` unpacks them in.
_FIELDS = (
    "seq",
    "prev_hash",
    "hash",
    "id",
    "organization_id",
    "actor_label",
    "verb",
    "target_type",
    "target_id",
    "target_label",
    "before",
    "after",
    "data",
    "created_at",
)


@dataclass(frozen=True)
class ChainReport:
    """The outcome for one chain: `label` is the organisation's slug, or "global"."""

    label: str
    checked: int
    ok: bool
    bad_event_id: int | None = None
    bad_seq: int | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"{self.label}: {self.checked} events, chain intact"
        where = ""
        if self.bad_seq is not None:
            known = f"id {self.bad_event_id}" if self.bad_event_id is not None else "no longer there"
            where = f" at event #{self.bad_seq} ({known})"
        return f"{self.label}: BROKEN{where}: {self.reason}"


@dataclass(frozen=True)
class _Head:
    last_seq: int
    last_hash: str


def _head(organization_id: int | None) -> _Head:
    """The recorded head of a chain; a chain that never had an event has none (and must have no events)."""
    key = AuditChain.key_for(organization_id)
    found = AuditChain.objects.filter(key=key).values_list("last_seq", "last_hash").first()
    return _Head(*found) if found else _Head(0, GENESIS_HASH)


class _Walk:
    """One pass along one chain: what the next event must be, and how many were found good."""

    def __init__(self, label: str, organization_id: int | None) -> None:
        self.label, self.organization_id = label, organization_id
        self.head = _head(organization_id)
        self.later_head: _Head | None = None
        self.expected_seq, self.expected_prev, self.checked = 1, GENESIS_HASH, 0

    def place_problem(self, seq: Any, prev: Any) -> str:
        """What is wrong with an event's place in the chain; empty when nothing is."""
        if seq != self.expected_seq:
            if isinstance(seq, int) and seq == self.expected_seq + 1:
                return f"event #{self.expected_seq} before it is missing (deleted?)"
            if isinstance(seq, int) and seq > self.expected_seq:
                return f"events #{self.expected_seq} to #{seq - 1} before it are missing (deleted?)"
            return f"sequence number {seq!r} repeats or goes back (inserted?)"
        if prev != self.expected_prev:
            return "its previous-hash does not match the event before it (inserted or reordered?)"
        if seq > self.head.last_seq:
            if self.later_head is None:
                self.later_head = _head(self.organization_id)  # appended while we read?
            if seq > self.later_head.last_seq:
                return f"it lies beyond the chain head aims recorded (#{self.later_head.last_seq}): inserted?"
        return ""

    def accept(self, seq: int, digest: str) -> str:
        """Count a good event; a problem if the recorded head names this event with another hash."""
        if seq == self.head.last_seq and digest != self.head.last_hash:
            return "its hash is not the one aims recorded as the chain head (head changed?)"
        self.checked, self.expected_seq, self.expected_prev = self.checked + 1, seq + 1, digest
        return ""

    def check(self, row: tuple[Any, ...]) -> str:
        """The exact check of one event (a row of `_FIELDS`); empty when it is good."""
        seq, prev, digest, _, org_id, actor, verb, ttype, tid, tlabel, before, after, data, created = row
        problem = self.place_problem(seq, prev)
        if problem:
            return problem
        payload = event_payload(
            seq=seq,
            organization_id=org_id,
            actor_label=actor,
            verb=verb,
            target_type=ttype,
            target_id=tid,
            target_label=tlabel,
            before=before,
            after=after,
            data=data,
            created_at=created,
        )
        if chain_hash(payload, prev) != digest:
            return "its content does not match its hash (changed?)"
        return self.accept(seq, digest)

    def end(self) -> ChainReport:
        if self.checked < self.head.last_seq:
            reason = f"the chain ends at #{self.checked}, but aims recorded its head at #{self.head.last_seq}"
            return self.broken(None, self.checked + 1, f"{reason} (events at the end deleted?)")
        return ChainReport(self.label, self.checked, True)

    def broken(self, event_id: int | None, seq: int | None, reason: str) -> ChainReport:
        return ChainReport(self.label, self.checked, False, event_id, seq, reason)


def _events(organization_id: int | None) -> Any:
    events = AuditEvent.objects.all()
    if organization_id is None:
        return events.filter(organization__isnull=True)
    return events.filter(organization_id=organization_id)


def _exact_rows(walk: _Walk) -> Iterator[tuple[Any, ...]]:
    rows = _events(walk.organization_id).filter(seq__gte=walk.expected_seq).order_by("seq")
    return rows.values_list(*_FIELDS).iterator(chunk_size=5_000)


# SQLite's own text of each column, from `seq` on in the order `payload_text` takes them: JSON as stored, the
# time as Django wrote it (UTC, "YYYY-MM-DD HH:MM:SS[.ffffff]"), and whether each JSON text is one complete
# JSON value (so splicing cannot shift other fields: the spliced payload equals the hashed one only if every
# value does).
_FAST_SQL = """
    SELECT prev_hash, hash,
           json_valid(COALESCE(before, 'null')) AND json_valid(COALESCE(after, 'null')) AND json_valid(data),
           seq, organization_id, actor_label, verb, target_type, target_id, target_label,
           COALESCE(before, 'null'), COALESCE(after, 'null'), data, CAST(created_at AS TEXT)
    FROM {table} WHERE {where} ORDER BY seq
"""


def _sqlite_iso(stored: str) -> str:
    """Django's SQLite text of a UTC time in `iso_utc`'s form; raises TypeError for any other text."""
    if len(stored) == 26 and stored[10] == " ":
        return f"{stored[:10]}T{stored[11:]}+00:00"
    if len(stored) == 19 and stored[10] == " ":
        return f"{stored[:10]}T{stored[11:]}.000000+00:00"
    raise TypeError(stored)


def _fast_walk(walk: _Walk) -> bool:
    """Advance `walk` over every event the fast path can vouch for; True if it reached the end.

    Any doubt (a gap, the head, text in another form) stops it; the exact check then takes over from there.
    """
    where = "organization_id IS NULL" if walk.organization_id is None else "organization_id = %s"
    params = [] if walk.organization_id is None else [walk.organization_id]
    sql = _FAST_SQL.format(table=AuditEvent._meta.db_table, where=where)  # a constant clause
    last_seq, expected_seq, expected_prev = walk.head.last_seq, walk.expected_seq, walk.expected_prev
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        try:
            for row in cursor.cursor:  # the driver's own cursor: rows come straight from C
                prev, digest, json_ok, seq, org, actor, verb, kind, tid, label, before, after, data, at = row
                if seq != expected_seq or prev != expected_prev or seq >= last_seq or not json_ok:
                    return False
                text = payload_text(
                    seq, org, actor, verb, kind, tid, label, before, after, data, _sqlite_iso(at)
                )
                if sha256_hex(text + prev) != digest:
                    return False
                walk.checked, expected_seq, expected_prev = walk.checked + 1, seq + 1, digest
        except (TypeError, ValueError):  # a value of another type (a NULL time, a number for text)
            return False
        finally:
            walk.expected_seq, walk.expected_prev = expected_seq, expected_prev
    return True


def _verify(label: str, organization_id: int | None) -> ChainReport:
    walk = _Walk(label, organization_id)
    if connection.vendor == "sqlite" and _fast_walk(walk):
        return walk.end()
    try:
        for row in _exact_rows(walk):
            problem = walk.check(row)
            if problem:
                return walk.broken(row[3], row[0], problem)
    except (TypeError, ValueError, AttributeError) as exc:  # a value Django cannot even read back
        reason = f"the event after #{walk.expected_seq - 1} cannot be read ({exc}): changed?"
        return walk.broken(None, None, reason)
    return walk.end()


def verify_organization(organization: Organization) -> ChainReport:
    return _verify(organization.slug, organization.pk)


def verify_global() -> ChainReport:
    """The chain of events that belong to no organisation (a person's own API tokens, for instance)."""
    return _verify("global", None)


def verify_all(*, organization_slug: str | None = None) -> list[ChainReport]:
    """Every chain (the global one, then each organisation's by slug), or one organisation's.

    Organisations are walked rather than chain heads, so events whose head was deleted are still checked.
    Raises Organization.DoesNotExist for an unknown slug.
    """
    if organization_slug is not None:
        organization = Organization.objects.filter(slug=organization_slug).first()
        if organization is None:
            raise Organization.DoesNotExist(f"There is no organisation with the slug {organization_slug!r}.")
        return [verify_organization(organization)]
    organizations = Organization.objects.order_by("slug").only("pk", "slug")
    return [verify_global(), *(verify_organization(organization) for organization in organizations)]
