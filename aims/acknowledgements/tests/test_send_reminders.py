from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from aims.acknowledgements import actions
from aims.acknowledgements.models import AcknowledgementRequest
from aims.acknowledgements.tests.conftest import request_of
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_reminders_go_once_to_each_pending_recipient(personas, campaign):
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    mail.outbox.clear()
    assert actions.send_reminders(actor=personas.manager, campaign=campaign) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["auditor@acme.test", "contributor@acme.test"]
    assert mail.outbox[0].subject.startswith("Reminder: please read POL-007")
    assert "Please read it." in mail.outbox[0].body
    reminded = request_of(campaign, personas.auditor)
    assert (reminded.reminders_sent, reminded.last_reminded_at is not None) == (1, True)
    assert request_of(campaign, personas.viewer).reminders_sent == 0
    event = AuditEvent.objects.get(verb="acknowledgement_campaign.reminded")
    assert event.data == {"sent": 2, "recipients": ["auditor@acme.test", "contributor@acme.test"]}
    # Within 24 hours nobody is reminded again.
    assert actions.send_reminders(actor=personas.manager, campaign=campaign) == 0
    assert len(mail.outbox) == 2


def test_a_day_later_pending_recipients_are_reminded_again(personas, campaign):
    actions.send_reminders(actor=personas.manager, campaign=campaign)
    AcknowledgementRequest.objects.update(
        last_reminded_at=request_of(campaign, personas.viewer).last_reminded_at - timedelta(hours=25)
    )
    assert actions.send_reminders(actor=personas.owner, campaign=campaign) == 3
    assert request_of(campaign, personas.viewer).reminders_sent == 2


def test_a_closed_campaign_sends_no_reminders(personas, campaign):
    actions.close_campaign(actor=personas.manager, campaign=campaign)
    mail.outbox.clear()
    with pytest.raises(ActionError, match="closed"):
        actions.send_reminders(actor=personas.manager, campaign=campaign)
    assert mail.outbox == []


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_only_owners_and_managers_send_reminders(personas, campaign, persona):
    with pytest.raises(PermissionDenied):
        actions.send_reminders(actor=personas.user(persona), campaign=campaign)
    assert not AcknowledgementRequest.objects.filter(reminders_sent__gt=0).exists()
