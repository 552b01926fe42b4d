"""--since: the audit trail starts at the first event of that day and links on to what was left out; the
evidence is what was collected from then on; the rest is the current state."""

import json
from datetime import date, datetime, timedelta

from aims.audit.models import GENESIS_HASH, AuditEvent
from aims.audit.trail import NewEvent, append_events
from aims.packs import layout
from aims.packs.tests.conftest import build_pack, members, write_pack
from aims.packs.verification import verify_pack

START = datetime.fromisoformat("2026-03-01T09:00:00+00:00")


def _dated_events(personas, days):
    append_events(
        personas.org,
        [
            NewEvent(actor_id=None, actor_label="system", verb="risk.reviewed",
                     created_at=START + timedelta(days=d), target_type="risks.risk", target_id=str(d),
                     data={"day": d})
            for d in range(days)
        ],
    )  # fmt: skip


def test_the_trail_starts_at_the_first_event_of_the_day_and_names_its_anchor(personas, tmp_path):
    _dated_events(personas, 10)
    pack = build_pack(personas, since=date(2026, 3, 5))
    head = json.loads(members(pack)[layout.HEAD])
    anchor = AuditEvent.objects.get(organization=personas.org, seq=4).hash
    last = AuditEvent.objects.get(organization=personas.org, seq=10).hash
    assert head == {"organization": "acme", "since": "2026-03-05", "organization_id": personas.org.pk,
                    "first_seq": 5, "anchor": anchor, "last_seq": 10, "last_hash": last,
                    "events": 6}  # fmt: skip
    assert json.loads(members(pack)[layout.MANIFEST])["audit_chain"] == head
    report = verify_pack(write_pack(tmp_path, pack))
    assert report.ok, report.problem
    assert report.events == 6


def test_a_period_with_no_events_is_an_empty_trail_that_still_links(personas, tmp_path):
    _dated_events(personas, 3)
    pack = build_pack(personas, since=date.today())
    head = json.loads(members(pack)[layout.HEAD])
    assert (head["first_seq"], head["last_seq"], head["events"]) == (4, 3, 0)
    assert head["anchor"] == head["last_hash"] != GENESIS_HASH
    assert members(pack)[layout.EVENTS] == b""
    assert verify_pack(write_pack(tmp_path, pack)).ok


def test_evidence_collected_before_the_period_stays_out(personas, acme):
    files = members(build_pack(personas, since=date(2026, 2, 1)))
    assert json.loads(files["evidence/evidence.json"]) == []
    assert not any(name.startswith("evidence/files/") for name in files)
    assert "risks/risks.csv" in files
