"""Account tests: a person with a real (Argon2) password, sign-in helpers, TOTP codes (the root conftest
clears the cache, where rate-limit counters and used codes live, before each test)."""

from __future__ import annotations

import time
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.test import Client

from aims.accounts.models import User
from conftest import make_user

PASSWORD = "correct horse battery staple"


@pytest.fixture
def dana(db: None) -> User:
    """Someone with a real password, for the sign-in tests (personas have unusable passwords)."""
    return make_user("dana@acme.test", PASSWORD)


def sign_in(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post("/accounts/login/", {"login": email, "password": password})


def totp_code(secret: str) -> str:
    """The current code; waits out the end of a 30-second window so the code stays valid while used."""
    left = 30 - time.time() % 30
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in_and_confirm(client: Client, email: str) -> None:
    """Adding an authenticator needs a fresh password confirmation, even right after signing in."""
    sign_in(client, email)
    gate = client.get("/accounts/2fa/totp/activate/")
    assert gate.status_code == 302
    assert gate["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(gate["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/totp/activate/"


def activate_totp(client: Client) -> str:
    page = client.get("/accounts/2fa/totp/activate/")
    assert page.status_code == 200
    secret: str = page.context["form"].secret
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302, response.context["form"].errors
    return secret


@pytest.fixture
def totp_secret(dana):
    client = Client()
    sign_in_and_confirm(client, dana.email)
    secret = activate_totp(client)
    client.post("/accounts/logout/")
    return secret
