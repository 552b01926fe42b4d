import pytest
from django.core.exceptions import PermissionDenied

from aims.acknowledgements import actions, queries
from aims.acknowledgements.tests.conftest import request_of
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_counts_follow_as_recipients_acknowledge(personas, campaign):
    counts = queries.campaigns_for(personas.org).values_list("acknowledged", "total")  # type: ignore[misc]
    assert counts.get() == (0, 3)
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    actions.acknowledge_version(actor=personas.auditor, request=request_of(campaign, personas.auditor))
    assert counts.get() == (2, 3)
    pending = [r.recipient for r in queries.requests_of(campaign, state="pending")]
    assert pending == [personas.contributor]
    assert AuditEvent.objects.filter(verb="acknowledgement.recorded").count() == 2


def test_acknowledging_twice_is_refused_and_keeps_the_first_date(personas, campaign):
    request = request_of(campaign, personas.viewer)
    first = actions.acknowledge_version(actor=personas.viewer, request=request).acknowledged_at
    with pytest.raises(ActionError, match="You acknowledged this version on"):
        actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    assert request_of(campaign, personas.viewer).acknowledged_at == first


@pytest.mark.parametrize("persona", ["owner", "manager", "contributor", "outsider"])
def test_a_non_recipient_cannot_acknowledge_for_someone_else(personas, campaign, persona):
    with pytest.raises(PermissionDenied):
        actions.acknowledge_version(
            actor=personas.user(persona), request=request_of(campaign, personas.viewer)
        )
    assert request_of(campaign, personas.viewer).acknowledged_at is None


def test_a_closed_campaign_takes_no_more_acknowledgements(personas, campaign):
    actions.close_campaign(actor=personas.owner, campaign=campaign)
    with pytest.raises(ActionError, match="closed"):
        actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    assert request_of(campaign, personas.viewer).acknowledged_at is None
