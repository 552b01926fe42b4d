"""Test support shared by every app: the permission matrix helper (used from tests only)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from aims.accounts.models import User
from aims.organizations.models import Organization

ROLES = ("owner", "manager", "contributor", "auditor", "viewer")
EVERYONE = ("anonymous", "outsider", *ROLES)


@dataclass
class Personas:
    """One organisation with a member of each role, and an outsider who owns another organisation."""

    org: Organization
    other_org: Organization
    owner: User
    manager: User
    contributor: User
    auditor: User
    viewer: User
    outsider: User
    # Set by the `external_auditor` fixture (aims/organizations/tests/conftest.py) where needed.
    external_auditor: User | None = None

    def user(self, persona: str) -> User | None:
        return None if persona == "anonymous" else getattr(self, persona)

    def client(self, persona: str) -> Client:
        client = Client()
        user = self.user(persona)
        if user is not None:
            client.force_login(user)
        return client


def _request(client: Client, method: str, url: str, data: Any, api: bool) -> Any:
    call = getattr(client, method.lower())
    if api and method.upper() in {"POST", "PUT", "PATCH", "DELETE"}:
        return call(url, data=json.dumps(data or {}), content_type="application/json")
    return call(url, data=data) if data is not None else call(url)


def expected_refusal(persona: str, api: bool) -> tuple[int, ...]:
    if persona == "anonymous":
        return (401,) if api else (302,)
    if persona == "outsider":
        return (404,)
    return (403,)


def assert_refused(
    personas: Personas,
    method: str,
    url: str,
    refused: Iterable[str],
    *,
    data: Any = None,
    api: bool = False,
) -> None:
    """Each persona in `refused` is turned away: anonymous to sign-in (401 on the API), an outsider with
    404 (the record might as well not exist), a member whose role does not allow it with 403."""
    for persona in refused:
        response = _request(personas.client(persona), method, url, data, api)
        expected = expected_refusal(persona, api)
        assert response.status_code in expected, (
            f"{persona} {method} {url}: expected {expected}, got {response.status_code}"
        )
        if persona == "anonymous" and not api:
            assert "/accounts/login/" in response["Location"], f"anonymous {url} not sent to sign in"
        if api:
            assert "error" in response.json(), f"{persona} {method} {url}: error body missing"


def assert_allowed(
    personas: Personas,
    method: str,
    url: str,
    allowed: Iterable[str],
    *,
    data: Any = None,
    api: bool = False,
    status: tuple[int, ...] = (200,),
) -> None:
    for persona in allowed:
        response = _request(personas.client(persona), method, url, data, api)
        assert response.status_code in status, (
            f"{persona} {method} {url}: expected {status}, got {response.status_code}"
        )


def assert_permission_matrix(
    personas: Personas, method: str, url: str, allowed: Iterable[str], *, api: bool = False, data: Any = None
) -> None:
    """For reads (safe to repeat): the allowed roles get 200, everyone else is refused."""
    allowed = tuple(allowed)
    assert_allowed(personas, method, url, allowed, api=api, data=data)
    assert_refused(personas, method, url, [p for p in EVERYONE if p not in allowed], api=api, data=data)


# --- Browser tests: Playwright driving Debian's Chromium (never a downloaded browser). ---

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it",
    ),
]


@contextmanager
def browser_page(base_url: str, *, session_key: str | None = None) -> Iterator[Any]:
    """A Playwright page on the live server, optionally already signed in with a session key.

    Playwright runs an event loop in the test's thread; the test's own ORM calls are synchronous and safe,
    so Django's async guard is lifted for the duration.
    """
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context(base_url=base_url)
            if session_key:
                context.add_cookies(
                    [{"name": settings.SESSION_COOKIE_NAME, "value": session_key, "url": base_url}]
                )
            yield context.new_page()
            context.close()
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


def session_key_for(user: User) -> str:
    client = Client()
    client.force_login(user)
    return str(client.cookies[settings.SESSION_COOKIE_NAME].value)
