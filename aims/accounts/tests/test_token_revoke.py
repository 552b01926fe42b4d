import json

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from aims.accounts.actions import create_api_token, revoke_api_token
from aims.accounts.models import ApiToken
from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError


@pytest.fixture
def token(personas):
    token, _ = create_api_token(actor=personas.viewer, name="cli")
    return token


def test_owner_revokes_from_the_account_page(personas, token):
    client = personas.client("viewer")
    response = client.post(f"/account/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.status == "revoked"
    page = client.get("/account/")
    assert b"is revoked" in page.content
    assert f"/account/tokens/{token.pk}/revoke/".encode() not in page.content


def test_owner_revokes_by_api(personas, token):
    response = personas.client("viewer").post(f"/api/v1/tokens/{token.pk}/revoke")
    assert response.status_code == 200
    assert response.json()["status"] == "revoked"
    assert response.json()["revoked_at"]


def test_revoked_token_stops_working_at_once(personas):
    token, secret = create_api_token(actor=personas.viewer, name="cli")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert client.post(f"/api/v1/tokens/{token.pk}/revoke").status_code == 200
    assert client.get("/api/v1/me").status_code == 401


@pytest.mark.parametrize("persona", ["owner", "outsider"])
def test_someone_elses_token_is_not_found(personas, token, persona):
    client = personas.client(persona)
    assert client.post(f"/account/tokens/{token.pk}/revoke/").status_code == 404
    response = client.post(f"/api/v1/tokens/{token.pk}/revoke")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    token.refresh_from_db()
    assert token.revoked_at is None


def test_someone_elses_token_is_not_listed(personas, token):
    assert personas.client("owner").get("/api/v1/tokens").json()["items"] == []
    assert b"cli" not in personas.client("owner").get("/account/").content


def test_action_refuses_someone_elses_token(personas, token):
    with pytest.raises(PermissionDenied):
        revoke_api_token(actor=personas.owner, token=token)
    token.refresh_from_db()
    assert token.revoked_at is None
    assert not AuditEvent.objects.filter(verb="api_token.revoked").exists()


def test_revoking_twice_is_refused(personas, token):
    revoke_api_token(actor=personas.viewer, token=token)
    with pytest.raises(ActionError):
        revoke_api_token(actor=personas.viewer, token=token)
    response = personas.client("viewer").post(f"/api/v1/tokens/{token.pk}/revoke")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_state"
    page = personas.client("viewer").post(f"/account/tokens/{token.pk}/revoke/", follow=True)
    assert b"already revoked" in page.content
    assert AuditEvent.objects.filter(verb="api_token.revoked").count() == 1


def test_revoking_is_audited(personas, token):
    revoke_api_token(actor=personas.viewer, token=token)
    event = AuditEvent.objects.get(verb="api_token.revoked")
    assert event.actor == personas.viewer
    assert event.target_type == "accounts.apitoken"
    assert event.target_id == str(token.pk)


def test_revoke_is_post_only_and_for_signed_in_people(personas, token):
    assert personas.client("viewer").get(f"/account/tokens/{token.pk}/revoke/").status_code == 405
    assert personas.client("anonymous").post(f"/account/tokens/{token.pk}/revoke/").status_code == 302
    response = personas.client("anonymous").post(f"/api/v1/tokens/{token.pk}/revoke")
    assert response.status_code == 401
    assert json.loads(response.content)["error"]
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None
