"""An external auditor reads what an internal auditor reads: the registers, readiness, the audit log and the
evidence files, on the pages and through the API."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aims.evidence import actions as evidence_actions
from aims.organizations import permissions
from aims.organizations.models import Role
from aims.web.testing import assert_allowed, assert_refused

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

PAGES = [
    "/o/acme/",
    "/o/acme/members/",
    "/o/acme/readiness/",
    "/o/acme/audit/",
    "/o/acme/systems/",
    "/o/acme/risks/",
    "/o/acme/controls/",
    "/o/acme/documents/",
    "/o/acme/evidence/",
    "/o/acme/incidents/",
    "/o/acme/internal-audits/",
    "/o/acme/objectives/",
    "/o/acme/people/",
    "/o/acme/policy/",
    "/o/acme/context/",
]


@pytest.mark.parametrize("url", PAGES)
def test_external_auditor_reads_the_pages_an_auditor_reads(personas, external_auditor, url):
    assert_allowed(personas, "GET", url, ["auditor", "external_auditor"])


def test_external_auditor_reads_records_by_id(personas, external_auditor, system, risk, control):
    for url in (
        f"/o/acme/systems/{system.pk}/",
        f"/o/acme/risks/{risk.pk}/",
        f"/o/acme/controls/{control.pk}/",
    ):
        assert_allowed(personas, "GET", url, ["external_auditor"])


def test_external_auditor_reads_through_the_api(personas, external_auditor, system, risk, control):
    for url in (
        "/api/v1/organizations/acme",
        "/api/v1/organizations/acme/members",
        "/api/v1/audit-events?organization=acme",
        "/api/v1/risks?organization=acme",
        "/api/v1/ai-systems?organization=acme",
        f"/api/v1/risks/{risk.pk}",
        f"/api/v1/ai-systems/{system.pk}",
        f"/api/v1/controls/{control.pk}",
    ):
        assert_allowed(personas, "GET", url, ["external_auditor"], api=True)


def test_external_auditor_has_the_read_permissions_of_an_auditor(personas, external_auditor):
    organization = personas.org
    assert permissions.role_in(external_auditor, organization) == Role.EXTERNAL_AUDITOR
    assert permissions.can_view_organization(external_auditor, organization)
    assert permissions.can_view_audit_log(external_auditor, organization)


def test_external_auditor_downloads_evidence_files_as_an_auditor_does(
    personas, external_auditor, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    report = evidence_actions.add_evidence_file(
        actor=personas.contributor,
        organization=personas.org,
        upload=SimpleUploadedFile("bias test.pdf", PDF, content_type="application/pdf"),
        title="Bias test report",
        collected_on=date(2026, 1, 5),
    )
    for url, api in (
        (f"/o/acme/evidence/{report.pk}/download/", False),
        (f"/api/v1/evidence/{report.pk}/download", True),
    ):
        response = personas.client("external_auditor").get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert_refused(personas, "GET", url, ["viewer"], api=api)
