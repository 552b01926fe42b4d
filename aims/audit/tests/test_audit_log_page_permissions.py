from aims.web.testing import assert_permission_matrix

AUDIT_READERS = ("owner", "manager", "auditor")


def test_audit_log_page_is_for_owners_managers_and_auditors(personas, acme_events):
    assert_permission_matrix(personas, "GET", "/o/acme/audit/", AUDIT_READERS)


def test_viewer_cannot_see_audit_log(personas):
    assert personas.client("viewer").get("/o/acme/audit/").status_code == 403


def test_contributor_cannot_see_audit_log(personas):
    assert personas.client("contributor").get("/o/acme/audit/").status_code == 403


def test_unknown_organisation_audit_log_is_404(personas):
    assert personas.client("owner").get("/o/nope/audit/").status_code == 404
