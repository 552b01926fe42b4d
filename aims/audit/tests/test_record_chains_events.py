import itertools

from aims.audit.models import GENESIS_HASH, AuditChain, AuditEvent
from aims.audit.trail import chain_hash, record


def test_record_numbers_events_and_links_each_to_the_one_before(personas, acme_events):
    events = list(AuditEvent.objects.filter(organization=personas.org).order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == GENESIS_HASH
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    for e in events:
        assert e.hash == chain_hash(e.payload(), e.prev_hash)


def test_record_keeps_the_chain_head(personas, acme_events):
    head = AuditChain.objects.get(organization=personas.org)
    assert (head.last_seq, head.last_hash) == (5, acme_events[-1].hash)


def test_record_stores_actor_verb_target_and_changes(personas, acme_events):
    first = acme_events[0]
    first.refresh_from_db()
    assert first.actor == personas.owner
    assert first.actor_label == "owner@acme.test"
    assert first.verb == "organization.updated"
    assert (first.target_type, first.target_id, first.target_label) == (
        "organizations.organization",
        str(personas.org.pk),
        "Acme AI",
    )
    assert first.changes == [("name", "A", "Acme AI")]
    assert acme_events[3].actor_label == "system"


def test_record_stores_values_as_the_database_returns_them(personas):
    event = record(
        actor=None,
        verb="x.done",
        organization=personas.org,
        data={"big": 1e20, "when": personas.org.created_at},
    )
    event.refresh_from_db()
    assert event.data["big"] == 10**20
    assert isinstance(event.data["when"], str)
    assert event.hash == chain_hash(event.payload(), event.prev_hash)
