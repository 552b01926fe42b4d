"""No new way in: an external auditor signs in through the same pages, with the same second factor and the
same limit on failed attempts as everyone else."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client

from aims.accounts.tests.conftest import dana, sign_in, totp_code, totp_secret  # noqa: F401 (fixtures)
from aims.organizations.models import Membership, Role, end_of_day
from aims.organizations.tests.conftest import in_days

LIMIT = int(settings.ACCOUNT_RATE_LIMITS["login_failed"].split("/")[0])


@pytest.fixture
def auditing_dana(personas, dana):  # noqa: F811
    Membership.objects.create(
        organization=personas.org, user=dana, role=Role.EXTERNAL_AUDITOR, expires_at=end_of_day(in_days(30))
    )
    return dana


def test_with_two_factor_on_the_password_alone_opens_nothing(auditing_dana, totp_secret):  # noqa: F811
    client = Client()
    assert sign_in(client, auditing_dana.email)["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/o/acme/").status_code == 302
    assert client.get("/api/v1/organizations/acme").status_code == 401
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(totp_secret)})
    assert client.get("/o/acme/").status_code == 200


def test_failed_sign_ins_are_limited_as_for_anyone(auditing_dana):
    client = Client()
    for _ in range(LIMIT):
        sign_in(client, auditing_dana.email, "wrong password")
    response = sign_in(client, auditing_dana.email)
    assert b"Too many failed login attempts" in response.content
    assert client.get("/o/acme/").status_code == 302
