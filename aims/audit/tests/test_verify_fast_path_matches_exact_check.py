"""The SQLite fast path hashes stored text; it must agree with the exact check in every case."""

from datetime import datetime

import pytest
from django.db import connection

from aims.audit.models import (
    GENESIS_HASH,
    AuditChain,
    AuditEvent,
    event_payload,
    iso_utc,
    json_text,
    payload_text,
)
from aims.audit.tests.conftest import event, raw_sql
from aims.audit.trail import chain_hash, record
from aims.audit.verification import _fast_walk, _Walk, verify_all
from aims.lib.hashing import canonical_json
from aims.web.testing import Personas

AWKWARD = [
    None,
    {},
    {"b": 1, "a": [1.5, None, True, "x"], "é": 'naïve "quoted" \\ back\nslash\t\u2028 \x01'},
    {"nested": {"z": {"y": [{"b": 2, "a": 1}]}}, "n": -0.0, "big": 12345678901234567890},
]


@pytest.mark.parametrize("value", AWKWARD)
def test_json_text_is_canonical_json(value):
    assert json_text(value) == canonical_json(value)


@pytest.mark.parametrize("label", ["plain", 'quote " and \\', "ünï \u2028 \x00 \x1f", ""])
def test_payload_text_is_the_canonical_payload(label):
    when = datetime.fromisoformat("2026-01-02T03:04:05.000006+02:00")
    fields = dict(
        seq=12,
        organization_id=None,
        actor_label=label,
        verb=label + ".x",
        target_type="risks.risk",
        target_id=label,
        target_label=label,
        before=AWKWARD[2],
        after=None,
        data=AWKWARD[3],
    )
    expected = canonical_json(event_payload(**fields, created_at=when))
    texts = {name: json_text(fields[name]) for name in ("before", "after", "data")}
    assert payload_text(**{**fields, **texts}, created_at=iso_utc(when)) == expected


def test_verify_agrees_on_awkward_values(personas):
    for value in AWKWARD[1:]:
        record(
            actor=personas.owner, verb="x.y", organization=personas.org, before=value, after=value, data=value
        )
    assert verify_all(organization_slug="acme")[0].ok
    AuditEvent.objects.filter(organization=personas.org, seq=2).update(data={"b": 1})
    assert verify_all(organization_slug="acme")[0].bad_seq == 2


def test_verify_accepts_json_stored_in_another_form_of_the_same_value(personas, acme_events):
    """Rows written before aims stored canonical JSON (or rewritten by a tool) are checked the exact way."""
    raw_sql(
        "UPDATE audit_auditevent SET data = %s WHERE id = %s",
        ['{ "role" :  "auditor" }', event(personas, 3).pk],
    )
    assert verify_all(organization_slug="acme")[0].ok


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own text forms")
def test_verify_on_sqlite_rejects_json_spliced_across_fields(personas, acme_events):
    """Text that is not one JSON value cannot pass by borrowing from the fields around it (even with the
    table's JSON check constraint out of the way)."""
    target = event(personas, 1)
    raw_sql("PRAGMA ignore_check_constraints = ON", [])
    raw_sql(
        "UPDATE audit_auditevent SET after = %s, before = NULL WHERE id = %s",
        ['{"name":"Acme AI"},"before":{"name":"A"}', target.pk],
    )
    raw_sql("PRAGMA ignore_check_constraints = OFF", [])
    report = verify_all(organization_slug="acme")[0]
    assert (report.ok, report.bad_seq) == (False, 1)


def _rehash(personas: Personas) -> None:
    """Recompute the chain as aims would have written it (to set up stored forms aims does not write)."""
    prev = GENESIS_HASH
    for stored in AuditEvent.objects.filter(organization=personas.org).order_by("seq"):
        stored.prev_hash, stored.hash = prev, chain_hash(stored.payload(), prev)
        stored.save(update_fields=["prev_hash", "hash"])
        prev = stored.hash
    AuditChain.objects.filter(organization=personas.org).update(last_hash=prev)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own text forms")
def test_verify_on_sqlite_takes_a_time_without_microseconds_the_fast_way(personas, acme_events):
    """Django writes 12:00:00 rather than 12:00:00.000000 when the microseconds are zero."""
    AuditEvent.objects.filter(organization=personas.org, seq=2).update(
        created_at=datetime.fromisoformat("2026-01-01T12:00:00+00:00")
    )
    _rehash(personas)
    walk = _Walk("acme", personas.org.pk)
    _fast_walk(walk)
    assert walk.checked == 4
    assert verify_all(organization_slug="acme")[0].ok


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the fast path is SQLite's")
def test_fast_path_vouches_for_every_event_but_the_head(personas, acme_events):
    walk = _Walk("acme", personas.org.pk)
    _fast_walk(walk)
    assert (walk.checked, walk.expected_seq) == (4, 5)  # the exact check takes the head's event
