from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from aims.accounts.actions import create_api_token, revoke_api_token


def test_lists_own_tokens_newest_first_with_status(personas):
    old, _ = create_api_token(actor=personas.viewer, name="old")
    new, _ = create_api_token(actor=personas.viewer, name="new")
    create_api_token(actor=personas.owner, name="not yours")
    revoke_api_token(actor=personas.viewer, token=old)
    body = personas.client("viewer").get("/api/v1/tokens").json()
    assert [(t["name"], t["status"]) for t in body["items"]] == [("new", "active"), ("old", "revoked")]
    assert body["items"][0]["prefix"] == new.prefix
    assert set(body["items"][0]) == {
        "id", "name", "prefix", "status", "created_at", "expires_at", "last_used_at", "revoked_at",
    }  # fmt: skip


def test_list_is_paginated(personas):
    for n in range(3):
        create_api_token(actor=personas.viewer, name=f"t{n}")
    body = personas.client("viewer").get("/api/v1/tokens?page_size=2").json()
    assert (len(body["items"]), body["page"], body["page_size"], body["has_next"]) == (2, 1, 2, True)
    rest = personas.client("viewer").get("/api/v1/tokens?page=2&page_size=2").json()
    assert [t["name"] for t in rest["items"]] == ["t0"]
    assert rest["has_next"] is False


def test_list_query_count_does_not_grow(personas):
    client = personas.client("viewer")
    create_api_token(actor=personas.viewer, name="first")
    with CaptureQueriesContext(connection) as one:
        client.get("/api/v1/tokens")
    for n in range(5):
        create_api_token(actor=personas.viewer, name=f"t{n}")
    with CaptureQueriesContext(connection) as six:
        client.get("/api/v1/tokens")
    assert len(six) == len(one) <= 3


def test_anonymous_list_is_401(db):
    response = Client().get("/api/v1/tokens")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
