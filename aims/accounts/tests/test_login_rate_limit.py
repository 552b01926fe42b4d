"""ACCOUNT_RATE_LIMITS["login_failed"] is 5 failures per 5 minutes per address (and per IP).

allauth does not answer 429 here: the sign-in form shows "Too many failed login attempts" and
refuses even the right password until the window passes.
"""

from django.conf import settings
from django.test import Client

from aims.accounts.tests.conftest import sign_in

LIMIT = int(settings.ACCOUNT_RATE_LIMITS["login_failed"].split("/")[0])
TOO_MANY = b"Too many failed login attempts"


def fail(client: Client, times: int) -> None:
    for _ in range(times):
        response = sign_in(client, "dana@acme.test", "wrong password")
        assert response.status_code == 200
        assert TOO_MANY not in response.content


def test_after_the_limit_even_the_right_password_is_refused(dana):
    client = Client()
    fail(client, LIMIT)
    response = sign_in(client, "dana@acme.test")
    assert response.status_code == 200
    assert TOO_MANY in response.content
    assert client.get("/api/v1/me").status_code == 401


def test_below_the_limit_the_right_password_works(dana):
    client = Client()
    fail(client, LIMIT - 1)
    assert sign_in(client, "dana@acme.test").status_code == 302


def test_limit_is_per_address(dana):
    client = Client()
    fail(client, LIMIT)
    response = sign_in(Client(REMOTE_ADDR="10.0.0.9"), "dana@acme.test")
    assert TOO_MANY in response.content


def test_the_count_is_shared_by_every_worker_process_without_redis(dana):
    """Another worker process has none of this process's memory: the count must live where both look, the
    database's cache table. Emptying this process's own memory caches stands in for that other process."""
    from django.core.cache.backends import locmem

    client = Client()
    fail(client, LIMIT)
    for store in ("_caches", "_expire_info", "_locks"):
        getattr(locmem, store).clear()
    response = sign_in(Client(), "dana@acme.test")
    assert TOO_MANY in response.content
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
