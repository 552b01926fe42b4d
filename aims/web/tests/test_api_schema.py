def test_openapi_is_3_1_and_lists_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    paths = schema["paths"]
    for path in ["/api/v1/me", "/api/v1/organizations", "/api/v1/audit-events", "/api/v1/catalog/items"]:
        assert path in paths, path
    schemes = schema["components"]["securitySchemes"]
    assert {"TokenAuth", "ActiveSessionAuth"} <= set(schemes)


def test_docs_page_uses_local_assets(client, db):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()


def test_unknown_api_path_is_a_404(client, db):
    assert client.get("/api/v1/nothing-here").status_code == 404
