from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.incidents.tests.conftest import facts
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_records_a_numbered_incident_with_its_systems(
    personas: Personas, system: AISystem
) -> None:
    first = actions.record_incident(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], **facts()
    )
    second = actions.record_incident(actor=personas.contributor, organization=personas.org, **facts())
    assert (first.reference, second.reference) == ("INC-0001", "INC-0002")
    assert list(first.ai_systems.all()) == [system]
    assert first.status == Incident.Status.OPEN
    event = AuditEvent.objects.get(verb="incident.recorded", target_id=str(first.pk))
    assert (event.after or {})["ai_systems"] == ["AIS-001"]


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_readers_cannot_record_incidents(personas: Personas, role: str) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_incident(actor=getattr(personas, role), organization=personas.org, **facts())
    assert not Incident.objects.exists()


def test_incident_cannot_name_another_organisations_system_or_owner(personas: Personas) -> None:
    theirs = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-009", name="X", purpose="x"
    )
    with pytest.raises(ValidationError) as caught:
        actions.record_incident(
            actor=personas.contributor,
            organization=personas.org,
            ai_systems=[theirs],
            **facts(owner=personas.outsider),
        )
    assert set(caught.value.message_dict) == {"ai_systems", "owner"}
    assert not Incident.objects.exists()


def test_awareness_in_the_future_is_refused(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.record_incident(
            actor=personas.contributor,
            organization=personas.org,
            **facts(became_aware_at=timezone.now() + timedelta(days=1)),
        )
    assert "became_aware_at" in caught.value.message_dict


def test_update_changes_facts_and_systems_and_records_before_and_after(
    personas: Personas, incident: Incident, system: AISystem
) -> None:
    other = AISystem.objects.create(organization=personas.org, reference="AIS-002", name="Y", purpose="y")
    actions.update_incident(
        actor=personas.contributor,
        incident=incident,
        changes={"containment": "Refund answers switched off.", "owner": personas.manager},
        ai_systems=[other],
    )
    incident.refresh_from_db()
    assert incident.containment == "Refund answers switched off."
    assert incident.owner == personas.manager
    assert list(incident.ai_systems.all()) == [other]
    event = AuditEvent.objects.get(verb="incident.updated")
    assert (event.before or {})["ai_systems"] == ["AIS-001"]
    assert (event.after or {})["ai_systems"] == ["AIS-002"]


def test_closed_incident_cannot_be_updated(personas: Personas, incident: Incident) -> None:
    Incident.objects.filter(pk=incident.pk).update(status="closed")
    incident.refresh_from_db()
    with pytest.raises(ActionError, match="closed"):
        actions.update_incident(actor=personas.manager, incident=incident, changes={"title": "New"})
