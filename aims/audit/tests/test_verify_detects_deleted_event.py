from aims.audit.models import AuditEvent
from aims.audit.tests.conftest import event
from aims.audit.verification import ChainReport, verify_all


def _acme() -> ChainReport:
    return verify_all(organization_slug="acme")[0]


def test_verify_detects_a_deleted_middle_event(personas, acme_events):
    after_gap = event(personas, 4)
    AuditEvent.objects.filter(organization=personas.org, seq=3).delete()
    report = _acme()
    assert (report.ok, report.bad_seq, report.bad_event_id) == (False, 4, after_gap.pk)
    assert "event #3 before it is missing" in report.reason


def test_verify_detects_several_deleted_events(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq__in=[2, 3]).delete()
    report = _acme()
    assert report.bad_seq == 4
    assert "events #2 to #3 before it are missing" in report.reason


def test_verify_detects_a_deleted_first_event(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq=1).delete()
    assert _acme().bad_seq == 2


def test_verify_detects_a_deleted_last_event(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org, seq=5).delete()
    report = _acme()
    assert (report.ok, report.bad_seq, report.bad_event_id, report.checked) == (False, 5, None, 4)
    assert "the chain ends at #4, but aims recorded its head at #5" in report.reason
    assert report.describe().startswith("acme: BROKEN at event #5 (no longer there)")


def test_verify_detects_every_event_deleted(personas, acme_events):
    AuditEvent.objects.filter(organization=personas.org).delete()
    report = _acme()
    assert (report.ok, report.bad_seq) == (False, 1)
