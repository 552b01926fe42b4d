from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_logs_who_was_told_what(personas: Personas, incident: Incident) -> None:
    message = actions.log_communication(
        actor=personas.contributor,
        incident=incident,
        sent_at=timezone.now() - timedelta(hours=1),
        audience="users",
        recipient="All chatbot users",
        message="Refund amounts given by the chatbot since Monday were wrong; here are the right ones.",
        channel="email",
    )
    assert message.told_by == personas.contributor
    assert list(incident.communications.all()) == [message]
    assert (AuditEvent.objects.get(verb="incident.communication_logged").after or {})["audience"] == "users"


def test_viewer_cannot_log_a_communication(personas: Personas, incident: Incident) -> None:
    with pytest.raises(PermissionDenied):
        actions.log_communication(
            actor=personas.viewer, incident=incident, sent_at=timezone.now(), audience="users", message="x"
        )
    assert not incident.communications.exists()


def test_communication_needs_a_message_and_a_past_time(personas: Personas, incident: Incident) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.log_communication(
            actor=personas.contributor,
            incident=incident,
            sent_at=timezone.now(),
            audience="users",
            message="",
        )
    assert "message" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        actions.log_communication(
            actor=personas.contributor,
            incident=incident,
            sent_at=timezone.now() + timedelta(days=1),
            audience="supplier",
            message="x",
        )
    assert "sent_at" in caught.value.message_dict
