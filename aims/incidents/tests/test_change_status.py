import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_contains_and_resolves(personas: Personas, incident: Incident) -> None:
    actions.change_status(actor=personas.contributor, incident=incident, status="contained")
    actions.change_status(actor=personas.contributor, incident=incident, status="resolved")
    incident.refresh_from_db()
    assert incident.status == "resolved"
    assert AuditEvent.objects.filter(verb="incident.status_changed").count() == 2


def test_contributor_cannot_close(personas: Personas, incident: Incident) -> None:
    actions.change_status(actor=personas.contributor, incident=incident, status="resolved")
    with pytest.raises(PermissionDenied):
        actions.change_status(actor=personas.contributor, incident=incident, status="closed")


def test_closing_needs_containment_and_harm(personas: Personas, incident: Incident) -> None:
    actions.change_status(actor=personas.manager, incident=incident, status="resolved")
    with pytest.raises(ValidationError) as caught:
        actions.change_status(actor=personas.manager, incident=incident, status="closed")
    assert set(caught.value.message_dict) == {"containment"}
    actions.update_incident(actor=personas.manager, incident=incident, changes={"containment": "Paused."})
    actions.change_status(actor=personas.manager, incident=incident, status="closed")
    assert Incident.objects.get(pk=incident.pk).status == "closed"


def test_an_open_incident_cannot_jump_to_closed(personas: Personas, incident: Incident) -> None:
    with pytest.raises(ActionError, match="cannot become closed"):
        actions.change_status(actor=personas.owner, incident=incident, status="closed")


def test_only_owners_and_managers_reopen_a_closed_incident(personas: Personas, incident: Incident) -> None:
    Incident.objects.filter(pk=incident.pk).update(status="closed")
    incident.refresh_from_db()
    with pytest.raises(PermissionDenied):
        actions.change_status(actor=personas.contributor, incident=incident, status="open")
    actions.change_status(actor=personas.manager, incident=incident, status="open")
    assert incident.status == "open"


def test_viewer_cannot_change_status(personas: Personas, incident: Incident) -> None:
    with pytest.raises(PermissionDenied):
        actions.change_status(actor=personas.viewer, incident=incident, status="contained")
