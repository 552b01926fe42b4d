"""The audit trail inside a pack: the organisation's events of the period as JSON lines, each with every field
its hash covers, and the head they must end at.

The head is read once, when the export starts; events recorded while the pack streams (its own
"pack.exported" among them) belong to the next pack. With a start date the slice begins at the first event
of that day and carries the `anchor`, the hash of the event before it, so that a reader can check the slice
links on to the part of the chain that was left out.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from aims.audit.models import GENESIS_HASH, AuditChain, AuditEvent, iso_utc
from aims.lib.hashing import canonical_json
from aims.organizations.models import Organization

LINES_PER_CHUNK = 1_000
_COLUMNS = (
    "seq",
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
    "prev_hash",
    "hash",
)


@dataclass(frozen=True)
class ChainSlice:
    """Events `first_seq` to `last_seq` of one organisation's chain; the first links to `anchor`."""

    organization_id: int
    first_seq: int
    anchor: str
    last_seq: int
    last_hash: str

    @property
    def events(self) -> int:
        return self.last_seq - self.first_seq + 1

    def as_dict(self) -> dict[str, Any]:
        return {
            "organization_id": self.organization_id,
            "first_seq": self.first_seq,
            "anchor": self.anchor,
            "last_seq": self.last_seq,
            "last_hash": self.last_hash,
            "events": self.events,
        }


def chain_slice(organization: Organization, since: datetime | None) -> ChainSlice:
    """The organisation's chain as it stands now, from the first event at or after `since` (all without)."""
    head = AuditChain.objects.filter(key=AuditChain.key_for(organization.pk))
    last_seq, last_hash = head.values_list("last_seq", "last_hash").first() or (0, GENESIS_HASH)
    first: tuple[int, str] | None = (1, GENESIS_HASH)
    if since is not None:
        events = AuditEvent.objects.filter(
            organization=organization, seq__lte=last_seq, created_at__gte=since
        )
        first = events.order_by("created_at", "seq").values_list("seq", "prev_hash").first()
    if first is None or first[0] > last_seq:  # nothing in the period
        first = (last_seq + 1, last_hash)
    return ChainSlice(organization.pk, first[0], first[1], last_seq, last_hash)


def event_line(row: tuple[Any, ...]) -> str:
    """One event as canonical JSON: the payload its hash covers, with `prev_hash` and `hash`."""
    fields = dict(zip(_COLUMNS, row, strict=True))
    fields["created_at"] = iso_utc(fields["created_at"])
    return canonical_json(fields)


def event_lines(chain: ChainSlice) -> Iterator[bytes]:
    """events.jsonl, in seq order, a thousand lines at a time."""
    rows = AuditEvent.objects.filter(
        organization_id=chain.organization_id, seq__gte=chain.first_seq, seq__lte=chain.last_seq
    )
    lines: list[str] = []
    for row in rows.order_by("seq").values_list(*_COLUMNS).iterator(chunk_size=5_000):
        lines.append(event_line(row))
        if len(lines) >= LINES_PER_CHUNK:
            yield ("\n".join(lines) + "\n").encode("utf-8")
            lines.clear()
    if lines:
        yield ("\n".join(lines) + "\n").encode("utf-8")
