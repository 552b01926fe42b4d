from aims.audit.tests.conftest import dated_events


def test_audit_log_page_lists_events_newest_first(personas, acme_events):
    response = personas.client("auditor").get("/o/acme/audit/")
    html = response.content.decode()
    assert response.status_code == 200
    verbs = ("membership.removed", "risk.reviewed", "organization.updated")
    positions = [html.index(f"<code>{verb}</code>") for verb in verbs]
    assert positions == sorted(positions)
    assert "manager@acme.test" in html
    assert "system" in html
    assert "<del>A</del>" in html
    assert "<ins>Acme AI</ins>" in html


def test_audit_log_page_is_paged(personas):
    dated_events(personas, 7)
    client = personas.client("manager")
    first = client.get("/o/acme/audit/", {"page_size": 3}).content.decode()
    assert "Risk 6" in first
    assert "Risk 4" in first
    assert "Risk 3" not in first
    assert 'rel="next"' in first
    assert "page_size=3&amp;page=2" in first
    last = client.get("/o/acme/audit/", {"page_size": 3, "page": 3}).content.decode()
    assert "Risk 0" in last
    assert 'rel="next"' not in last


def test_audit_log_page_shows_an_empty_state(personas):
    html = personas.client("owner").get("/o/acme/audit/").content.decode()
    assert "No events yet" in html
    assert "<table" not in html


def test_htmx_request_gets_only_the_table(personas, acme_events):
    response = personas.client("owner").get("/o/acme/audit/", {"page_size": 2}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="audit-events"')
    assert "<html" not in html
    assert "membership.removed" in html
    assert "<form" not in html


def test_htmx_history_restore_gets_the_whole_page(personas, acme_events):
    response = personas.client("owner").get(
        "/o/acme/audit/", HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true"
    )
    assert "<html" in response.content.decode()
