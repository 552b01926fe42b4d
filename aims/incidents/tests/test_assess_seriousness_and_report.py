from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_manager_marks_incident_serious_and_the_deadline_follows_the_kind(
    personas: Personas, incident: Incident
) -> None:
    actions.assess_seriousness(
        actor=personas.manager, incident=incident, is_serious=True, serious_kind="death"
    )
    incident.refresh_from_db()
    assert incident.deadline == incident.became_aware_at + timedelta(days=10)
    event = AuditEvent.objects.get(verb="incident.seriousness_assessed")
    assert (event.after or {})["serious_kind"] == "death"


@pytest.mark.parametrize("role", ["contributor", "viewer", "auditor"])
def test_only_owners_and_managers_assess_seriousness(
    personas: Personas, incident: Incident, role: str
) -> None:
    with pytest.raises(PermissionDenied):
        actions.assess_seriousness(
            actor=getattr(personas, role),
            incident=incident,
            is_serious=True,
            serious_kind="general",
        )
    incident.refresh_from_db()
    assert not incident.is_serious


def test_serious_incident_needs_a_kind(personas: Personas, incident: Incident) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.assess_seriousness(actor=personas.owner, incident=incident, is_serious=True)
    assert "serious_kind" in caught.value.message_dict


def test_report_to_the_authority_stops_the_countdown(personas: Personas, serious: Incident) -> None:
    actions.record_authority_report(
        actor=personas.manager, incident=serious, reported_at=timezone.now(), authority="National MSA"
    )
    serious.refresh_from_db()
    assert serious.authority == "National MSA"
    assert serious.time_left is None
    assert not Incident.objects.overdue().exists()
    assert (AuditEvent.objects.get(verb="incident.reported_to_authority").after or {})["late"] is False


def test_report_needs_an_authority_and_a_time_after_awareness(personas: Personas, serious: Incident) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.record_authority_report(
            actor=personas.manager,
            incident=serious,
            reported_at=serious.became_aware_at - timedelta(days=1),
            authority=" ",
        )
    assert set(caught.value.message_dict) == {"authority", "reported_at"}


def test_incident_not_serious_is_not_reported(personas: Personas, incident: Incident) -> None:
    with pytest.raises(ActionError, match="assess it as serious"):
        actions.record_authority_report(
            actor=personas.manager, incident=incident, reported_at=timezone.now(), authority="MSA"
        )


def test_reported_incident_cannot_be_downgraded(personas: Personas, serious: Incident) -> None:
    actions.record_authority_report(
        actor=personas.manager, incident=serious, reported_at=timezone.now(), authority="MSA"
    )
    with pytest.raises(ActionError, match="stays serious"):
        actions.assess_seriousness(actor=personas.manager, incident=serious, is_serious=False)


def test_overdue_lists_serious_unreported_incidents_past_their_deadline(
    personas: Personas, serious: Incident
) -> None:
    assert not Incident.objects.overdue().exists()
    Incident.objects.filter(pk=serious.pk).update(became_aware_at=timezone.now() - timedelta(days=16))
    assert list(Incident.objects.overdue()) == [serious]
    Incident.objects.filter(pk=serious.pk).update(
        serious_kind="widespread_or_critical_infrastructure",
        became_aware_at=timezone.now() - timedelta(days=3),
    )
    assert list(Incident.objects.overdue()) == [serious]
