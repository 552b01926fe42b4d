"""Checking a hash chain end to end: any row changed, deleted or inserted behind aims's back shows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from aims.audit.models import GENESIS_HASH, AuditChain, AuditEvent, event_payload
from aims.audit.trail import chain_hash

_FIELDS = (
    "id",
    "seq",
    "organization_id",
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


@dataclass(frozen=True)
class ChainReport:
    key: str
    checked: int
    ok: bool
    bad_event_id: int | None = None
    bad_seq: int | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"{self.key}: {self.checked} events, chain intact"
        where = f" at event #{self.bad_seq} (id {self.bad_event_id})" if self.bad_seq is not None else ""
        return f"{self.key}: BROKEN{where}: {self.reason}"


def _rows(chain: AuditChain) -> Iterator[tuple[Any, ...]]:
    events = AuditEvent.objects.order_by("seq")
    events = (
        events.filter(organization_id=chain.organization_id)
        if chain.organization_id
        else events.filter(organization__isnull=True)
    )
    return events.values_list(*_FIELDS).iterator(chunk_size=10_000)


def _check_row(row: tuple[Any, ...], expected_seq: int, expected_prev: str) -> str:
    (
        _,
        seq,
        org_id,
        actor_id,
        actor_label,
        verb,
        ttype,
        tid,
        tlabel,
        before,
        after,
        data,
        created,
        prev,
        h,
    ) = row
    if seq != expected_seq:
        if seq > expected_seq:
            return f"events #{expected_seq} to #{seq - 1} are missing (deleted?)"
        return f"sequence number {seq} repeats or goes back (inserted?)"
    if prev != expected_prev:
        return "its previous-hash does not match the event before it (inserted or reordered?)"
    payload = event_payload(
        seq=seq,
        organization_id=org_id,
        actor_id=actor_id,
        actor_label=actor_label,
        verb=verb,
        target_type=ttype,
        target_id=tid,
        target_label=tlabel,
        before=before,
        after=after,
        data=data,
        created_at=created,
    )
    if chain_hash(payload, prev) != h:
        return "its content does not match its hash (changed?)"
    return ""


def verify_chain(chain: AuditChain) -> ChainReport:
    expected_seq, expected_prev, checked = 1, GENESIS_HASH, 0
    for row in _rows(chain):
        problem = _check_row(row, expected_seq, expected_prev)
        if not problem and row[1] > chain.last_seq:
            problem = f"it lies beyond the chain head aims recorded (#{chain.last_seq}): inserted?"
        if problem:
            return ChainReport(chain.key, checked, False, row[0], row[1], problem)
        checked += 1
        expected_seq, expected_prev = row[1] + 1, row[14]
    if checked != chain.last_seq or expected_prev != chain.last_hash:
        return ChainReport(
            chain.key,
            checked,
            False,
            reason=(
                f"the chain ends at #{checked}, but aims recorded its head at #{chain.last_seq}"
                " (events at the end deleted, or the head changed)"
            ),
        )
    return ChainReport(chain.key, checked, True)


def verify_all(*, organization_slug: str | None = None) -> list[ChainReport]:
    chains = AuditChain.objects.select_related("organization").order_by("key")
    if organization_slug is not None:
        chains = chains.filter(organization__slug=organization_slug)
    return [verify_chain(chain) for chain in chains]
