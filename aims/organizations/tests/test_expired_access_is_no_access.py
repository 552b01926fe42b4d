"""Once its end date has passed an external auditor's membership counts as none at all: 404 everywhere, as
for an outsider, on the pages and through the API; and their requests are no longer recorded."""

from __future__ import annotations

import pytest

from aims.organizations import permissions
from aims.organizations.tests.conftest import expire, views_of

PAGES = ["/o/acme/", "/o/acme/members/", "/o/acme/readiness/", "/o/acme/audit/", "/o/acme/risks/"]


@pytest.fixture
def expired(external_membership):
    expire(external_membership)
    return external_membership


def _api_records(risk, system, control, document, aims_role):
    return [
        f"/api/v1/risks/{risk.pk}",
        f"/api/v1/ai-systems/{system.pk}",
        f"/api/v1/controls/{control.pk}",
        f"/api/v1/documents/{document.pk}",
        f"/api/v1/people/roles/{aims_role.pk}",
    ]


def test_before_the_end_date_the_records_open(
    personas, external_membership, risk, system, control, document, aims_role
):
    client = personas.client("external_auditor")
    assert client.get("/o/acme/").status_code == 200
    for url in _api_records(risk, system, control, document, aims_role):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("url", PAGES)
def test_after_the_end_date_every_page_is_404(personas, expired, url):
    assert personas.client("external_auditor").get(url).status_code == 404


def test_after_the_end_date_every_record_is_404_on_pages_and_api(
    personas, expired, risk, system, control, document, aims_role
):
    client = personas.client("external_auditor")
    for url in (
        f"/o/acme/risks/{risk.pk}/",
        f"/o/acme/systems/{system.pk}/",
        f"/o/acme/controls/{control.pk}/",
        f"/o/acme/documents/{document.pk}/",
        *_api_records(risk, system, control, document, aims_role),
        "/api/v1/organizations/acme",
        "/api/v1/organizations/acme/members",
        "/api/v1/risks?organization=acme",
        "/api/v1/audit-events?organization=acme",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        if url.startswith("/api/"):
            assert response.json()["error"]["code"] == "not_found"


def test_after_the_end_date_writes_are_404_too(personas, expired, risk):
    client = personas.client("external_auditor")
    assert client.post("/o/acme/risks/new/", {"title": "A risk"}).status_code == 404
    response = client.patch(f"/api/v1/risks/{risk.pk}", "{}", content_type="application/json")
    assert response.status_code == 404


def test_after_the_end_date_the_organisation_is_gone_from_their_lists(personas, expired, system):
    client = personas.client("external_auditor")
    assert client.get("/api/v1/organizations").json()["items"] == []
    assert client.get("/api/v1/ai-systems").json()["items"] == []
    assert b"Acme AI" not in client.get("/organizations/").content
    assert client.get("/").headers["Location"] == "/organizations/"


def test_an_expired_membership_grants_no_permission(personas, expired, external_auditor):
    organization = personas.org
    assert permissions.role_in(external_auditor, organization) is None
    assert not permissions.can_view_organization(external_auditor, organization)
    assert not permissions.can_view_audit_log(external_auditor, organization)


def test_after_the_end_date_nothing_is_recorded(personas, expired, external_auditor):
    personas.client("external_auditor").get("/o/acme/")
    assert views_of(external_auditor) == []
