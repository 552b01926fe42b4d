import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.test import Client
from django.utils import timezone

from aims.accounts.actions import create_api_token, token_digest
from aims.accounts.models import ApiToken
from aims.audit.models import AuditEvent


def post_json(client: Client, url: str, data: dict[str, Any]) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def test_page_shows_the_secret_once_and_stores_only_its_digest(personas):
    client = personas.client("viewer")
    response = client.post("/account/tokens/", {"name": "CI pipeline", "days": "30"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    assert secret.startswith("aims_")
    assert secret.encode() in response.content
    token = ApiToken.objects.get(user=personas.viewer)
    assert token.digest == token_digest(secret)
    assert secret not in token.digest
    assert token.prefix == secret[: len(token.prefix)]
    assert not ApiToken.objects.filter(digest=secret).exists()
    assert abs(token.expires_at - (timezone.now() + timedelta(days=30))) < timedelta(minutes=1)
    page = client.get("/account/")
    assert b"CI pipeline" in page.content
    assert secret.encode() not in page.content
    assert secret not in str(dict(client.session))


def test_api_returns_the_secret_once(personas):
    client = personas.client("viewer")
    response = post_json(client, "/api/v1/tokens", {"name": "script"})
    assert response.status_code == 201
    body = response.json()
    assert body["secret"].startswith(body["prefix"])
    assert body["status"] == "active"
    token = ApiToken.objects.get(pk=body["id"])
    assert token.digest == token_digest(body["secret"])
    assert (
        token.expires_at.date() == (timezone.now() + timedelta(days=settings.AIMS_TOKEN_DEFAULT_DAYS)).date()
    )
    listed = client.get("/api/v1/tokens").json()["items"]
    assert [t["id"] for t in listed] == [body["id"]]
    assert "secret" not in listed[0]


def test_creating_a_token_is_audited(personas):
    token, _ = create_api_token(actor=personas.viewer, name="report bot", days=7)
    event = AuditEvent.objects.get(verb="api_token.created")
    assert event.actor == personas.viewer
    assert event.target_id == str(token.pk)
    assert event.data == {"name": "report bot", "days": 7}


def test_api_refuses_bad_input_and_writes_nothing(personas):
    client = personas.client("viewer")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "ok", "days": 0}, "days"),
        ({"name": "ok", "days": 1000}, "days"),
        ({"name": "ok", "days": "soon"}, "days"),
        ({}, "name"),
    ]
    for payload, field in cases:
        response = post_json(client, "/api/v1/tokens", payload)
        assert response.status_code == 422, payload
        error = response.json()["error"]
        assert error["code"] == "invalid"
        assert field in error["fields"], (payload, error)
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(verb="api_token.created").exists()


def test_form_refuses_bad_input_and_writes_nothing(personas):
    client = personas.client("viewer")
    for data, field in [
        ({"name": "", "days": "30"}, "name"),
        ({"name": "   ", "days": "30"}, "name"),
        ({"name": "ok", "days": "0"}, "days"),
        ({"name": "ok", "days": "1000"}, "days"),
        ({"name": "ok", "days": ""}, "days"),
    ]:
        response = client.post("/account/tokens/", data)
        assert response.status_code == 422, data
        assert response.context["token_form"].errors[field], data
        assert b'class="field-error"' in response.content
        assert "secret" not in response.context
    assert not ApiToken.objects.exists()
    assert not AuditEvent.objects.filter(verb="api_token.created").exists()


def test_form_offers_the_default_lifetime(personas):
    page = personas.client("viewer").get("/account/")
    assert page.context["token_form"]["days"].value() == settings.AIMS_TOKEN_DEFAULT_DAYS


def test_create_is_post_only_and_for_signed_in_people(personas):
    assert personas.client("viewer").get("/account/tokens/").status_code == 405
    anonymous = personas.client("anonymous").post("/account/tokens/", {"name": "x", "days": "1"})
    assert anonymous.status_code == 302
    assert post_json(personas.client("anonymous"), "/api/v1/tokens", {"name": "x"}).status_code == 401
    assert not ApiToken.objects.exists()
