"""The admin's sign-in goes through allauth: a password alone never opens a session there, two-factor is
asked for, and the login rate limit counts.

Before, `/admin/login/` took a staff member's password and gave a full session (from which API tokens can be
made) without the TOTP code, and did not count wrong passwords.
"""

import pytest
from django.test import Client

from aims.accounts.tests.conftest import PASSWORD, sign_in, totp_code
from aims.accounts.tests.test_login_rate_limit import LIMIT, TOO_MANY
from conftest import make_user

ADMIN_LOGIN = "/admin/login/"


@pytest.fixture
def staff(dana):
    dana.is_staff = dana.is_superuser = True
    dana.save(update_fields=["is_staff", "is_superuser"])
    return dana


@pytest.fixture
def staff_totp(staff, totp_secret):
    return totp_secret


def admin_post(client, email, password):
    return client.post(ADMIN_LOGIN, {"username": email, "password": password, "next": "/admin/"})


def assert_signed_out(client):
    assert client.get("/api/v1/me").status_code == 401
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_password_alone_at_the_admin_login_gives_no_session(staff, staff_totp):
    client = Client()
    response = admin_post(client, staff.email, PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert_signed_out(client)
    assert client.post("/account/tokens/", {"name": "stolen", "expires_in_days": 30}).status_code == 302
    assert not staff.api_tokens.exists()


def test_the_admin_login_page_sends_to_the_sign_in_with_a_way_back(staff):
    response = Client().get(ADMIN_LOGIN + "?next=/admin/organizations/organization/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/admin/organizations/organization/"


def test_a_way_back_to_another_host_is_not_followed(staff):
    response = Client().get(ADMIN_LOGIN + "?next=https://evil.example/")
    assert response["Location"] == "/accounts/login/?next=/admin/"


def test_wrong_passwords_at_the_admin_login_never_sign_in_and_the_right_one_still_does_not(staff):
    client = Client()
    for _ in range(12):
        assert admin_post(client, staff.email, "wrong password").status_code == 302
    admin_post(client, staff.email, PASSWORD)
    assert_signed_out(client)


def test_the_way_in_to_the_admin_asks_for_the_second_factor(staff, staff_totp):
    client = Client()
    response = sign_in(client, staff.email)
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302  # not yet
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(staff_totp)})
    assert client.get("/admin/").status_code == 200
    assert client.get(ADMIN_LOGIN)["Location"] == "/admin/"


def test_a_staff_account_is_throttled_like_any_other_and_kept_out_of_the_admin(staff):
    client = Client()
    for _ in range(LIMIT):
        sign_in(client, staff.email, "wrong password")
    response = sign_in(client, staff.email)
    assert TOO_MANY in response.content
    assert client.get("/admin/").status_code == 302


def test_a_signed_in_staff_member_cannot_switch_to_another_account_through_the_admin_form(staff, db):
    other = make_user("erin@acme.test", PASSWORD)
    other.is_staff = True
    other.save(update_fields=["is_staff"])
    client = Client()
    sign_in(client, staff.email)
    admin_post(client, other.email, PASSWORD)
    assert client.get("/api/v1/me").json()["email"] == staff.email


def test_a_signed_in_member_who_is_not_staff_is_refused(dana):
    client = Client()
    sign_in(client, dana.email)
    assert client.get(ADMIN_LOGIN).status_code == 403
