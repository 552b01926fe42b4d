from aims.web.testing import assert_refused

REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def _url(system, what="archive"):
    return f"/o/acme/systems/{system.pk}/{what}/"


def test_readers_cannot_archive_or_restore(personas, system):
    assert_refused(personas, "GET", _url(system), REFUSED)
    assert_refused(personas, "POST", _url(system), REFUSED, data={"reason": "x"})
    system.refresh_from_db()
    assert system.status == "active"
    system.status = "archived"
    system.save()
    assert_refused(personas, "POST", _url(system, "restore"), REFUSED)
    system.refresh_from_db()
    assert system.status == "archived"


def test_contributor_archives_with_a_reason_then_restores(personas, system):
    client = personas.client("contributor")
    assert client.get(_url(system)).status_code == 200
    response = client.post(_url(system), {"reason": "Replaced."})
    assert response.status_code == 302
    system.refresh_from_db()
    assert system.status == "archived"
    page = client.get(f"/o/acme/systems/{system.pk}/").content.decode()
    assert "This system is archived" in page
    assert client.post(_url(system, "restore")).status_code == 302
    system.refresh_from_db()
    assert system.status == "active"


def test_archiving_an_archived_system_is_a_form_error(personas, system):
    client = personas.client("manager")
    client.post(_url(system), {})
    response = client.post(_url(system), {})
    assert response.status_code == 422
    assert "archived already" in response.content.decode()


def test_a_too_long_reason_is_refused(personas, system):
    response = personas.client("manager").post(_url(system), {"reason": "x" * 501})
    assert response.status_code == 422
    system.refresh_from_db()
    assert system.status == "active"


def test_restoring_needs_a_post(personas, system):
    assert personas.client("manager").get(_url(system, "restore")).status_code == 405


def test_restoring_an_active_system_says_why_not(personas, system):
    response = personas.client("manager").post(_url(system, "restore"), follow=True)
    assert "is not archived" in response.content.decode()
