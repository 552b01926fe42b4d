from aims.audit.models import AuditChain, AuditEvent
from aims.audit.trail import record
from aims.audit.verification import verify_all


def test_each_organisation_has_its_own_chain(personas, acme_events):
    globex = list(AuditEvent.objects.filter(organization=personas.other_org).order_by("seq"))
    assert [e.seq for e in globex] == [1, 2]
    assert AuditChain.objects.get(organization=personas.other_org).last_seq == 2
    assert AuditChain.objects.get(organization=personas.org).last_seq == 5


def test_events_of_no_organisation_go_to_the_global_chain(personas):
    event = record(actor=personas.viewer, verb="api_token.created", data={"name": "laptop"})
    assert event.organization is None
    assert event.seq == 1
    assert AuditChain.objects.get(key="global").last_seq == 1
    reports = {r.label: r for r in verify_all()}
    assert reports["global"].ok
    assert reports["global"].checked == 1
