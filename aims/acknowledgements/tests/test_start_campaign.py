from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.acknowledgements import actions
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.acknowledgements.tests.conftest import publish, request_of
from aims.audit.models import AuditEvent
from aims.documents import actions as documents
from aims.lib.errors import ActionError
from aims.organizations.models import Membership


def test_a_campaign_asks_everyone_on_the_distribution_list_and_emails_them(
    personas, version, django_capture_on_commit_callbacks
):
    due = timezone.localdate() + timedelta(days=14)
    with django_capture_on_commit_callbacks(execute=True):
        campaign = actions.start_campaign(actor=personas.manager, version=version, due_on=due, message="Hi")
    assert (campaign.version, campaign.organization, campaign.started_by) == (
        version,
        personas.org,
        personas.manager,
    )
    recipients = set(campaign.requests.values_list("recipient__email", flat=True))
    assert recipients == {"contributor@acme.test", "auditor@acme.test", "viewer@acme.test"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(recipients)
    assert "POL-007" in mail.outbox[0].subject
    assert "/o/acme/acknowledgements/mine/" in mail.outbox[0].body
    assert AuditEvent.objects.get(verb="acknowledgement_campaign.started").data["recipients"] == 3


def test_people_who_left_the_organisation_are_not_asked(personas, version):
    Membership.objects.filter(user=personas.viewer).delete()
    campaign = actions.start_campaign(actor=personas.owner, version=version)
    assert campaign.requests.count() == 2


def test_an_empty_distribution_list_is_refused_with_a_message_saying_so(personas, version):
    version.document.distribution.clear()
    with pytest.raises(ActionError, match="distribution list of POL-007 is empty"):
        actions.start_campaign(actor=personas.manager, version=version)
    assert not Campaign.objects.exists()


def test_only_a_published_version_can_be_acknowledged(personas, version):
    draft = documents.create_version(actor=personas.contributor, document=version.document, body="v2")
    with pytest.raises(ActionError, match="only the published version"):
        actions.start_campaign(actor=personas.manager, version=draft)
    assert not Campaign.objects.exists()


def test_one_open_campaign_per_version_and_a_new_one_after_closing_keeps_acknowledgements(personas, campaign):
    with pytest.raises(ActionError, match="open campaign already"):
        actions.start_campaign(actor=personas.manager, version=campaign.version)
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    actions.close_campaign(actor=personas.manager, campaign=campaign)
    second = actions.start_campaign(actor=personas.manager, version=campaign.version)
    assert request_of(second, personas.viewer).acknowledged_at is not None
    assert request_of(second, personas.auditor).acknowledged_at is None
    started = AuditEvent.objects.filter(verb="acknowledgement_campaign.started").order_by("seq")
    assert [event.data["acknowledged_before"] for event in started] == [0, 1]


def test_a_due_date_in_the_past_is_refused(personas, version):
    with pytest.raises(ValidationError) as error:
        actions.start_campaign(
            actor=personas.manager, version=version, due_on=timezone.localdate() - timedelta(1)
        )
    assert "due_on" in error.value.message_dict
    assert not AcknowledgementRequest.objects.exists()


@pytest.mark.parametrize("persona", ["contributor", "auditor", "viewer", "outsider"])
def test_only_owners_and_managers_start_campaigns(personas, version, persona):
    with pytest.raises(PermissionDenied):
        actions.start_campaign(actor=personas.user(persona), version=version)
    assert not Campaign.objects.exists()


def test_acknowledgements_are_kept_per_version_and_a_new_version_asks_everyone_again(personas, campaign):
    actions.acknowledge_version(actor=personas.viewer, request=request_of(campaign, personas.viewer))
    second = documents.create_version(
        actor=personas.contributor, document=campaign.version.document, body="v2"
    )
    publish(personas, second)
    with pytest.raises(ActionError, match="only the published version"):
        actions.start_campaign(actor=personas.manager, version=campaign.version)  # v1 is superseded now
    new = actions.start_campaign(actor=personas.manager, version=second)
    assert request_of(new, personas.viewer).acknowledged_at is None
    assert request_of(campaign, personas.viewer).acknowledged_at is not None
    assert campaign.version.number == 1
