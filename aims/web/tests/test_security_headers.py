def test_pages_carry_csp_and_security_headers(personas):
    response = personas.client("viewer").get("/o/acme/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_assets_from_this_server_only(personas):
    html = personas.client("viewer").get("/o/acme/").content.decode()
    assert "/static/vendor/htmx/htmx.min.js" in html
    assert "/static/vendor/pico/pico.min.css" in html
    assert "https://" not in html.split("<body", 1)[0]
    assert "<script>" not in html
    assert " style=" not in html


def test_forms_are_csrf_protected(personas):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.manager)
    response = client.post("/o/acme/members/invite/", {"email": "a@b.test", "role": "viewer"})
    assert response.status_code == 403
