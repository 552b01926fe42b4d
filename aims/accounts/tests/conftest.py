"""Account tests: a person with a real (Argon2) password, sign-in helpers, TOTP codes, a clean cache."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache
from django.test import Client

from aims.accounts.models import User
from conftest import make_user

PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def clean_cache() -> Iterator[None]:
    """Rate-limit counters and used TOTP codes live in the cache; no test sees another's."""
    cache.clear()
    yield
    cache.clear()


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
