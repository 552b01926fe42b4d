"""Every request of an external auditor writes one `access.viewed` event to the organisation's chain, GET
included, with the path, method and status; the requests of everyone else write none and cost no query."""

from __future__ import annotations

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from aims.audit.models import AuditEvent
from aims.audit.verification import verify_organization
from aims.organizations.models import Membership
from aims.organizations.tests.conftest import views_of

MIDDLEWARE = "aims.organizations.middleware.ExternalAuditorAccessLogMiddleware"


def test_each_page_an_external_auditor_opens_writes_one_event_with_its_path(personas, external_auditor, risk):
    client = personas.client("external_auditor")
    paths = [
        "/o/acme/",
        "/o/acme/risks/",
        f"/o/acme/risks/{risk.pk}/",
        "/o/acme/readiness/",
        "/o/acme/audit/",
    ]
    for path in paths:
        assert client.get(path).status_code == 200
    events = views_of(external_auditor)
    assert [event.data["path"] for event in events] == paths
    assert all(event.data["method"] == "GET" and event.data["status"] == 200 for event in events)
    assert all(event.organization == personas.org for event in events)
    assert all(event.actor_label == "lead@certbody.test" for event in events)


def test_the_query_string_is_kept(personas, external_auditor):
    personas.client("external_auditor").get("/o/acme/members/", {"q": "audit"})
    (event,) = views_of(external_auditor)
    assert event.data == {"path": "/o/acme/members/", "method": "GET", "status": 200, "query": "q=audit"}


def test_api_requests_are_recorded_too_whether_by_organisation_or_by_record(
    personas, external_auditor, risk, system, control, document, aims_role
):
    client = personas.client("external_auditor")
    assert client.get("/api/v1/risks", {"organization": "acme"}).status_code == 200
    records = [
        f"/api/v1/risks/{risk.pk}",
        f"/api/v1/ai-systems/{system.pk}",
        f"/api/v1/controls/{control.pk}",
        f"/api/v1/documents/{document.pk}",
        f"/api/v1/people/roles/{aims_role.pk}",
    ]
    for path in records:
        assert client.get(path).status_code == 200, path
    paths = [event.data["path"] for event in views_of(external_auditor)]
    assert paths == ["/api/v1/risks", *records]


def test_a_refused_write_is_recorded_with_its_status(personas, external_auditor):
    response = personas.client("external_auditor").post("/o/acme/risks/new/", {"title": "A risk"})
    assert response.status_code == 403
    (event,) = views_of(external_auditor)
    assert (event.data["method"], event.data["status"]) == ("POST", 403)


def test_the_events_join_the_organisations_hash_chain(personas, external_auditor):
    client = personas.client("external_auditor")
    for _ in range(3):
        client.get("/o/acme/")
    report = verify_organization(personas.org)
    assert report.ok
    assert report.checked == 3


def test_ordinary_members_views_write_no_event(personas, external_auditor, risk):
    for persona in ("owner", "manager", "contributor", "auditor", "viewer", "outsider"):
        client = personas.client(persona)
        for path in ("/o/acme/", "/o/acme/risks/", f"/api/v1/risks/{risk.pk}", "/o/globex/"):
            client.get(path)
    assert not AuditEvent.objects.filter(verb="access.viewed").exists()


def test_an_external_auditor_elsewhere_is_not_recorded_here(personas, external_auditor):
    """Only the organisation the request reached counts: an owner of Globex who audits Acme is not
    recorded while working in Globex."""
    Membership.objects.create(organization=personas.other_org, user=external_auditor, role="owner")
    personas.client("external_auditor").get("/o/globex/")
    assert views_of(external_auditor) == []


def test_the_log_costs_ordinary_members_no_query(personas, risk, django_assert_num_queries):
    client = personas.client("viewer")
    without = [name for name in settings.MIDDLEWARE if name != MIDDLEWARE]
    for path in ("/o/acme/members/", f"/api/v1/risks/{risk.pk}"):
        client.get(path)  # warm up (session, caches)
        with override_settings(MIDDLEWARE=without), CaptureQueriesContext(connection) as plain:
            client.get(path)
        with django_assert_num_queries(len(plain.captured_queries)):
            client.get(path)
