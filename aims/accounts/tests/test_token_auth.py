from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone

from aims.accounts.actions import create_api_token, revoke_api_token
from aims.accounts.models import ApiToken


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def assert_401(response: Any) -> None:
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_token_authenticates_api_calls(personas):
    _, secret = create_api_token(actor=personas.viewer, name="cli")
    response = Client().get("/api/v1/me", headers=bearer(secret))
    assert response.status_code == 200
    assert response.json()["email"] == "viewer@acme.test"


def test_use_sets_last_used_at(personas):
    token, secret = create_api_token(actor=personas.viewer, name="cli")
    assert token.last_used_at is None
    Client().get("/api/v1/me", headers=bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None
    assert timezone.now() - token.last_used_at < timedelta(minutes=1)


def test_token_writes_without_csrf(personas):
    _, secret = create_api_token(actor=personas.viewer, name="cli")
    client = Client(enforce_csrf_checks=True)
    response = client.patch(
        "/api/v1/me", {"full_name": "Vera Viewer"}, content_type="application/json", headers=bearer(secret)
    )
    assert response.status_code == 200
    personas.viewer.refresh_from_db()
    assert personas.viewer.full_name == "Vera Viewer"


def test_expired_token_is_refused(personas):
    token, secret = create_api_token(actor=personas.viewer, name="cli", days=1)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_401(Client().get("/api/v1/me", headers=bearer(secret)))
    token.refresh_from_db()
    assert token.last_used_at is None


def test_revoked_token_is_refused(personas):
    token, secret = create_api_token(actor=personas.viewer, name="cli")
    revoke_api_token(actor=personas.viewer, token=token)
    assert_401(Client().get("/api/v1/me", headers=bearer(secret)))


def test_token_of_a_deactivated_person_is_refused(personas):
    _, secret = create_api_token(actor=personas.viewer, name="cli")
    personas.viewer.is_active = False
    personas.viewer.save(update_fields=["is_active"])
    assert_401(Client().get("/api/v1/me", headers=bearer(secret)))


def test_unknown_and_malformed_tokens_are_refused(db):
    for value in ["Bearer aims_nonsense", "Bearer not-ours", "Basic dXNlcjpwYXNz", "Bearer"]:
        assert_401(Client().get("/api/v1/me", HTTP_AUTHORIZATION=value))


def test_the_digest_is_not_a_token(personas):
    token, _ = create_api_token(actor=personas.viewer, name="cli")
    assert_401(Client().get("/api/v1/me", headers=bearer(token.digest)))
    assert_401(Client().get("/api/v1/me", headers=bearer("aims_" + token.digest)))
