import pytest
from django.core.exceptions import PermissionDenied

from aims.acknowledgements import actions
from aims.acknowledgements.tests.conftest import request_of
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


def test_closing_keeps_who_had_and_had_not_acknowledged(personas, campaign):
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    closed = actions.close_campaign(actor=personas.manager, campaign=campaign)
    assert (closed.is_open, closed.closed_by) == (False, personas.manager)
    assert AuditEvent.objects.get(verb="acknowledgement_campaign.closed").data == {
        "recipients": 3,
        "acknowledged": 1,
    }
    assert campaign.requests.count() == 3
    with pytest.raises(ActionError, match="was closed on"):
        actions.close_campaign(actor=personas.owner, campaign=campaign)


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_only_owners_and_managers_close_campaigns(personas, campaign, persona):
    with pytest.raises(PermissionDenied):
        actions.close_campaign(actor=personas.user(persona), campaign=campaign)
    campaign.refresh_from_db()
    assert campaign.is_open
