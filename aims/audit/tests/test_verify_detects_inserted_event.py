import pytest
from django.db import IntegrityError, transaction

from aims.audit.models import AuditChain, AuditEvent
from aims.audit.tests.conftest import event
from aims.audit.trail import chain_hash
from aims.audit.verification import ChainReport, verify_all
from aims.web.testing import Personas


def _acme() -> ChainReport:
    return verify_all(organization_slug="acme")[0]


def _forge(personas: Personas, seq: int, prev_hash: str, verb: str = "risk.accepted") -> AuditEvent:
    """A well-formed event with a correct hash, as someone who knows the algorithm would write it."""
    forged = AuditEvent(
        organization=personas.org, seq=seq, actor_label="owner@acme.test", verb=verb, prev_hash=prev_hash
    )
    forged.hash = chain_hash(forged.payload(), prev_hash)
    AuditEvent.objects.bulk_create([forged])
    return AuditEvent.objects.get(organization=personas.org, seq=seq)


def test_verify_detects_a_forged_event_at_the_end(personas, acme_events):
    forged = _forge(personas, 6, event(personas, 5).hash)
    report = _acme()
    assert (report.ok, report.bad_seq, report.bad_event_id) == (False, 6, forged.pk)
    assert "beyond the chain head aims recorded (#5)" in report.reason


def test_verify_detects_a_forged_event_with_a_gap_in_seq(personas, acme_events):
    forged = _forge(personas, 8, event(personas, 5).hash)
    report = _acme()
    assert (report.bad_seq, report.bad_event_id) == (8, forged.pk)
    assert "events #6 to #7 before it are missing" in report.reason


def test_verify_detects_a_forged_event_put_in_place_of_a_deleted_one(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq=3).delete()
    _forge(personas, 3, event(personas, 2).hash)
    report = _acme()
    assert (report.bad_seq, report.bad_event_id) == (4, event(personas, 4).pk)
    assert "previous-hash does not match" in report.reason


def test_database_refuses_a_duplicated_seq(personas, acme_events):
    with pytest.raises(IntegrityError), transaction.atomic():
        _forge(personas, 3, event(personas, 2).hash)


def test_verify_detects_events_whose_chain_head_was_deleted(personas, acme_events):
    AuditChain.objects.filter(organization=personas.org).delete()
    report = _acme()
    assert (report.ok, report.bad_seq) == (False, 1)
    assert "beyond the chain head aims recorded (#0)" in report.reason
