from aims.audit.models import AuditEvent
from aims.audit.verification import verify_all


def test_deleting_an_account_keeps_the_chain_intact(personas, acme_events):
    manager_email = personas.manager.email
    personas.manager.delete()
    events = AuditEvent.objects.filter(organization=personas.org, actor_label=manager_email)
    assert events.count() == 2
    assert not events.exclude(actor=None).exists()
    assert verify_all(organization_slug="acme")[0].ok
