"""The API accepts the browser session too, but then writes need Django's CSRF token."""

import json

from django.test import Client

from aims.accounts.models import ApiToken, User


def session_client(user: User) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(client: Client) -> str:
    client.get("/account/")
    return client.cookies["csrftoken"].value


def test_session_reads_need_no_csrf_token(personas):
    assert session_client(personas.viewer).get("/api/v1/me").status_code == 200


def test_session_write_without_csrf_token_is_refused(personas):
    client = session_client(personas.viewer)
    response = client.post("/api/v1/tokens", json.dumps({"name": "x"}), content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["error"]["message"]
    assert not ApiToken.objects.exists()


def test_session_write_with_csrf_token_is_accepted(personas):
    client = session_client(personas.viewer)
    response = client.post(
        "/api/v1/tokens",
        json.dumps({"name": "x"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=csrf_token(client),
    )
    assert response.status_code == 201
    assert ApiToken.objects.filter(user=personas.viewer).count() == 1


def test_account_page_forms_need_the_csrf_token(personas):
    client = session_client(personas.viewer)
    assert client.post("/account/tokens/", {"name": "x", "days": "5"}).status_code == 403
    token = csrf_token(client)
    response = client.post("/account/tokens/", {"name": "x", "days": "5", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    assert ApiToken.objects.count() == 1
