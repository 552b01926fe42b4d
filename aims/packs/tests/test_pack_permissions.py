"""Who may export: owners, managers and auditors (those who may read the audit log); contributors and
viewers get 403, outsiders 404, anonymous visitors sign in (401 on the API)."""

from aims.audit.models import AuditEvent
from aims.web.testing import assert_permission_matrix

EXPORTERS = ("owner", "manager", "auditor")


def test_the_pack_page_is_for_owners_managers_and_auditors(personas):
    assert_permission_matrix(personas, "GET", "/o/acme/pack/", EXPORTERS)


def test_the_download_is_for_owners_managers_and_auditors(personas):
    assert_permission_matrix(personas, "GET", "/o/acme/pack/download/", EXPORTERS)


def test_the_export_endpoint_is_for_owners_managers_and_auditors(personas):
    assert_permission_matrix(personas, "GET", "/api/v1/packs/export?organization=acme", EXPORTERS, api=True)


def test_the_key_endpoint_is_for_owners_managers_and_auditors(personas):
    assert_permission_matrix(personas, "GET", "/api/v1/packs/key?organization=acme", EXPORTERS, api=True)


def test_a_refused_download_records_nothing(personas):
    for persona in ("viewer", "contributor", "outsider"):
        personas.client(persona).get("/api/v1/packs/export", {"organization": "acme"})
    assert not AuditEvent.objects.filter(verb="pack.exported").exists()
