def test_audit_log_page_never_shows_another_organisations_events(personas, acme_events):
    html = personas.client("owner").get("/o/acme/audit/", {"page_size": 200}).content.decode()
    assert "outsider@globex.test" not in html
    assert "Globex" not in html
    assert "secret" not in html


def test_audit_events_api_never_returns_another_organisations_events(personas, acme_events):
    body = (
        personas.client("owner")
        .get("/api/v1/audit-events", {"organization": "acme", "page_size": 200})
        .json()
    )
    assert len(body["items"]) == 5
    assert all(item["actor"] != "outsider@globex.test" for item in body["items"])


def test_outsider_cannot_read_acme_events_by_api(personas, acme_events):
    response = personas.client("outsider").get("/api/v1/audit-events", {"organization": "acme"})
    assert response.status_code == 404
    own = personas.client("outsider").get("/api/v1/audit-events", {"organization": "globex"}).json()
    assert [item["seq"] for item in own["items"]] == [2, 1]
