from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse

from aims.audit.models import AuditEvent
from aims.incidents import external
from aims.incidents.models import ExternalReport, Incident
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = [pytest.mark.django_db, pytest.mark.urls("aims.incidents.tests.urls")]
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
READERS = ("anonymous", "outsider", "viewer", "auditor")
REPORT = {
    "what_happened": "The loan chatbot told me I was refused because of my postcode.",
    "product": "Loans",
}


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    cache.clear()


@pytest.fixture
def token(personas: Personas) -> str:
    return external.enable_report_link(actor=personas.manager, organization=personas.org)[1]


@pytest.fixture
def report(personas: Personas, token: str) -> ExternalReport:
    link = external.find_report_link(token)
    assert link is not None
    return external.receive_external_report(link=link, **REPORT)


def _url(personas: Personas, name: str, **kwargs: Any) -> str:
    return reverse(f"incidents:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_anyone_with_the_link_reports_without_signing_in(personas: Personas, token: str) -> None:
    url = reverse("incidents_public:report", kwargs={"token": token})
    assert Client().get(url).status_code == 200
    response = Client().post(url, {**REPORT, "contact": "ann@example.org"})
    assert response.status_code == 201
    assert "EXT-0001" in response.content.decode()
    stored = ExternalReport.objects.get()
    assert (stored.organization, stored.contact, stored.status) == (personas.org, "ann@example.org", "new")
    assert AuditEvent.objects.filter(verb="external_report.received", actor=None).exists()


def test_a_wrong_or_disabled_link_is_404(personas: Personas, token: str) -> None:
    assert Client().get(reverse("incidents_public:report", kwargs={"token": "guess"})).status_code == 404
    external.disable_report_link(actor=personas.owner, organization=personas.org)
    assert Client().get(reverse("incidents_public:report", kwargs={"token": token})).status_code == 404


def test_empty_report_is_explained(token: str) -> None:
    response = Client().post(reverse("incidents_public:report", kwargs={"token": token}), {"product": "x"})
    assert response.status_code == 422
    assert not ExternalReport.objects.exists()


@override_settings(AIMS_INCIDENT_REPORTS_PER_HOUR=2)
def test_the_public_form_is_rate_limited(token: str) -> None:
    url = reverse("incidents_public:report", kwargs={"token": token})
    assert [Client().post(url, REPORT).status_code for _ in range(3)] == [201, 201, 429]
    assert ExternalReport.objects.count() == 2


def test_only_owners_and_managers_manage_the_link(personas: Personas) -> None:
    url = _url(personas, "report_link")
    assert_permission_matrix(personas, "GET", url, ("owner", "manager"))
    assert_refused(personas, "POST", url, (*READERS, "contributor"))
    page = personas.client("manager").post(url).content.decode()
    assert "/adverse-impact/" in page
    assert "in use" in page


def test_members_see_the_reports_of_their_organisation_only(
    personas: Personas, token: str, report: ExternalReport, django_assert_num_queries: Any
) -> None:
    url = _url(personas, "external_list")
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    client = personas.client("viewer")
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert "my postcode" in page
    assert "Open an incident" not in page
    globex = external.enable_report_link(actor=personas.outsider, organization=personas.other_org)[0]
    external.receive_external_report(link=globex, what_happened="Globex-only report")
    for _ in range(5):
        link = external.find_report_link(token)
        assert link is not None
        external.receive_external_report(link=link, what_happened="More")
    with django_assert_num_queries(6):
        page = client.get(url).content.decode()
    assert "Globex-only report" not in page
    assert page.count("More") >= 5


def test_editor_opens_an_incident_from_a_report(personas: Personas, report: ExternalReport) -> None:
    url = _url(personas, "external_open_incident", pk=report.pk)
    assert_refused(personas, "POST", url, READERS)
    assert personas.client("contributor").post(url).status_code == 302
    report.refresh_from_db()
    assert report.status == "incident"
    assert report.incident is not None
    assert report.incident.became_aware_at == report.received_at
    assert report.incident.detected_how == "External report EXT-0001"
    assert report.incident.title.startswith("Loans: The loan chatbot")


def test_report_can_join_an_existing_incident(
    personas: Personas, report: ExternalReport, incident: Incident
) -> None:
    url = _url(personas, "external_open_incident", pk=report.pk)
    personas.client("contributor").post(url, {"incident": incident.reference})
    report.refresh_from_db()
    assert report.incident == incident
    assert Incident.objects.count() == 1


def test_dismissing_needs_a_reason(personas: Personas, report: ExternalReport) -> None:
    url = _url(personas, "external_dismiss", pk=report.pk)
    assert_refused(personas, "POST", url, READERS, data={"note": "x"})
    response = personas.client("contributor").post(url, {"note": ""}, follow=True)
    assert "Say why this report is not an incident." in response.content.decode()
    personas.client("contributor").post(url, {"note": "About a competitor's product."})
    report.refresh_from_db()
    assert report.status == "dismissed"
    response = personas.client("contributor").post(
        _url(personas, "external_open_incident", pk=report.pk), follow=True
    )
    assert "triaged already" in response.content.decode()


def test_outsider_cannot_triage_another_organisations_report(
    personas: Personas, report: ExternalReport
) -> None:
    url = reverse("incidents:external_dismiss", kwargs={"org": personas.other_org.slug, "pk": report.pk})
    assert personas.client("outsider").post(url, {"note": "x"}).status_code == 404
    report.refresh_from_db()
    assert report.status == "new"
