import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.incidents import external
from aims.incidents.models import ExternalReport, Incident
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(personas: Personas) -> ExternalReport:
    link, _ = external.enable_report_link(actor=personas.owner, organization=personas.org)
    return external.receive_external_report(link=link, what_happened="Refused for my age.", product="Loans")


def test_only_owners_and_managers_turn_the_link_on_or_off(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        external.enable_report_link(actor=personas.contributor, organization=personas.org)
    _, token = external.enable_report_link(actor=personas.manager, organization=personas.org)
    assert external.find_report_link(token) is not None
    with pytest.raises(PermissionDenied):
        external.disable_report_link(actor=personas.viewer, organization=personas.org)
    external.disable_report_link(actor=personas.owner, organization=personas.org)
    assert external.find_report_link(token) is None
    with pytest.raises(ActionError):
        external.disable_report_link(actor=personas.owner, organization=personas.org)


def test_replacing_the_link_stops_the_old_token(personas: Personas) -> None:
    _, old = external.enable_report_link(actor=personas.manager, organization=personas.org)
    _, new = external.enable_report_link(actor=personas.manager, organization=personas.org)
    assert external.find_report_link(old) is None
    assert external.find_report_link(new) is not None


def test_reports_are_numbered_and_audited_without_an_actor(
    personas: Personas, report: ExternalReport
) -> None:
    assert report.reference == "EXT-0001"
    event = AuditEvent.objects.get(verb="external_report.received")
    assert event.actor is None
    assert event.organization == personas.org


def test_empty_report_is_refused(personas: Personas, report: ExternalReport) -> None:
    link = ExternalReport.objects.get().organization.external_report_link
    with pytest.raises(ValidationError):
        external.receive_external_report(link=link, what_happened="  ")


def test_viewer_cannot_triage(personas: Personas, report: ExternalReport) -> None:
    with pytest.raises(PermissionDenied):
        external.open_incident_from_report(actor=personas.viewer, report=report)
    with pytest.raises(PermissionDenied):
        external.dismiss_external_report(actor=personas.auditor, report=report, note="x")
    assert not Incident.objects.exists()


def test_triage_into_another_organisations_incident_is_refused(
    personas: Personas, report: ExternalReport, foreign: Incident
) -> None:
    with pytest.raises(ValidationError):
        external.open_incident_from_report(actor=personas.contributor, report=report, incident=foreign)
    report.refresh_from_db()
    assert report.status == "new"
