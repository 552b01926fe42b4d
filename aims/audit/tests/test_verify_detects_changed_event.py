import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from aims.audit.models import AuditChain, AuditEvent
from aims.audit.tests.conftest import event, raw_sql
from aims.audit.verification import ChainReport, verify_all


def _acme() -> ChainReport:
    return verify_all(organization_slug="acme")[0]


def test_verify_detects_a_verb_changed_with_a_queryset_update(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq=3).update(verb="membership.created")
    report = _acme()
    assert not report.ok
    assert (report.bad_seq, report.bad_event_id) == (3, event(personas, 3).pk)
    assert "does not match its hash" in report.reason
    assert report.checked == 2


def test_verify_detects_data_changed_with_raw_sql(personas, acme_events):
    target = event(personas, 2)
    raw_sql("UPDATE audit_auditevent SET data = %s WHERE id = %s", ['{"user":"y@acme.test"}', target.pk])
    report = _acme()
    assert (report.ok, report.bad_seq, report.bad_event_id) == (False, 2, target.pk)


def test_verify_detects_a_changed_time_or_actor(personas, acme_events):
    AuditEvent.objects.filter(pk=event(personas, 4).pk).update(actor_label="owner@acme.test")
    assert _acme().bad_seq == 4
    AuditEvent.objects.filter(pk=event(personas, 4).pk).update(actor_label="system")
    assert _acme().ok
    raw_sql(
        "UPDATE audit_auditevent SET created_at = %s WHERE id = %s",
        ["2020-01-01 00:00:00", event(personas, 1).pk],
    )
    assert _acme().bad_seq == 1


def test_verify_detects_a_rewritten_hash_by_the_next_link(personas, acme_events):
    AuditEvent.objects.filter(pk=event(personas, 2).pk).update(hash="f" * 64)
    report = _acme()
    assert report.bad_seq == 2
    assert "does not match its hash" in report.reason


def test_verify_detects_a_changed_chain_head(personas, acme_events):
    AuditChain.objects.filter(organization=personas.org).update(last_hash="e" * 64)
    report = _acme()
    assert (report.ok, report.bad_seq) == (False, 5)
    assert "chain head" in report.reason


def test_verify_command_exits_1_naming_the_changed_event(personas, acme_events, capsys):
    target = event(personas, 3)
    AuditEvent.objects.filter(pk=target.pk).update(data={"role": "owner"})
    with pytest.raises(CommandError) as failure:
        call_command("audit", "verify")
    assert failure.value.returncode == 1
    captured = capsys.readouterr()
    assert f"acme: BROKEN at event #3 (id {target.pk}): its content does not match its hash" in captured.err
    assert "globex: 2 events, chain intact" in captured.out
    assert "1 of 3 chains BROKEN" in captured.out


@pytest.mark.skipif(connection.vendor != "sqlite", reason="only SQLite stores any text in a time column")
def test_verify_reports_a_value_that_cannot_be_read(personas, acme_events):
    raw_sql("UPDATE audit_auditevent SET created_at = 'yesterday' WHERE id = %s", [event(personas, 3).pk])
    report = _acme()
    assert not report.ok
    assert "the event after #2 cannot be read" in report.describe()
