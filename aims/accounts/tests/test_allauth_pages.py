"""allauth's pages are drawn in the aims layout, with labelled fields and nothing inline the CSP forbids."""

import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from aims.accounts.tests.conftest import PASSWORD, sign_in, totp_code

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I)
CONTROL = re.compile(
    r'<(?:input|select|textarea)\b(?![^>]*type="(?:hidden|submit)")[^>]*\sid="([^"]+)"', re.I
)


def assert_aims_page(response: Any, heading: str) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' in html, "not drawn in the aims layout"
    assert "vendor/pico/pico.min.css" in html
    assert re.search(rf"<h1>\s*{heading}\s*</h1>", html), f"no <h1>{heading}</h1>"
    assert not INLINE_SCRIPT.search(html), "inline script"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    for control_id in CONTROL.findall(html):
        assert f'for="{control_id}"' in html, f"field {control_id} has no label"
    return html


@pytest.fixture
def client(dana):
    client = Client()
    sign_in(client, dana.email)
    return client


def confirm_password(client: Client, url: str) -> None:
    gate = client.get(url)
    assert gate["Location"].startswith("/accounts/reauthenticate/")
    assert_aims_page(client.get(gate["Location"]), "Confirm Access")
    client.post(gate["Location"], {"password": PASSWORD})


def test_sign_in_page(db):
    html = assert_aims_page(Client().get("/accounts/login/"), "Sign in")
    assert 'href="/accounts/password/reset/"' in html


def test_sign_in_errors_are_shown(dana):
    html = assert_aims_page(sign_in(Client(), dana.email, "wrong"), "Sign in")
    assert 'class="form-errors"' in html


def test_sign_up_page(db, settings):
    settings.AIMS_OPEN_SIGNUP = True
    assert_aims_page(Client().get("/accounts/signup/"), "Sign Up")


def test_sign_up_closed_page(db):
    assert_aims_page(Client().get("/accounts/signup/"), "Sign Up Closed")


def test_sign_out_page(client):
    assert_aims_page(client.get("/accounts/logout/"), "Sign Out")


def test_password_reset_pages(dana):
    client = Client()
    assert_aims_page(client.get("/accounts/password/reset/"), "Password Reset")
    done = client.post("/accounts/password/reset/", {"email": dana.email}, follow=True)
    assert_aims_page(done, "Password Reset")
    link = re.search(r"/accounts/password/reset/key/\S+", str(mail.outbox[0].body))
    assert link
    form_page = client.get(link.group(0), follow=True)
    assert_aims_page(form_page, "Change Password")
    new = "another good passphrase 9"
    finished = client.post(form_page.redirect_chain[-1][0], {"password1": new, "password2": new}, follow=True)
    assert_aims_page(finished, "Change Password")
    assert b"Your password is now changed." in finished.content


def test_password_reset_with_a_bad_key(db):
    assert_aims_page(Client().get("/accounts/password/reset/key/1-bad-key/", follow=True), "Bad Token")


def test_password_change_page(client, dana):
    assert_aims_page(client.get("/accounts/password/change/"), "Change Password")
    new = "changed passphrase here 5"
    response = client.post(
        "/accounts/password/change/", {"oldpassword": PASSWORD, "password1": new, "password2": new}
    )
    assert response.status_code == 302
    dana.refresh_from_db()
    assert dana.check_password(new)


def test_password_change_errors_are_shown(client):
    response = client.post(
        "/accounts/password/change/", {"oldpassword": "wrong", "password1": "a", "password2": "b"}
    )
    html = assert_aims_page(response, "Change Password")
    assert 'class="field-error"' in html


def test_two_factor_pages(client):
    assert_aims_page(client.get("/accounts/2fa/"), "Two-Factor Authentication")
    confirm_password(client, "/accounts/2fa/totp/activate/")
    page = client.get("/accounts/2fa/totp/activate/")
    html = assert_aims_page(page, "Activate Authenticator App")
    assert re.search(r'<img src="data:image/svg\+xml;base64,[^"]+" alt="[^"]+"', html), "no QR code"
    assert 'for="id_code"' in html
    wrong = assert_aims_page(
        client.post("/accounts/2fa/totp/activate/", {"code": "000000"}), "Activate Authenticator App"
    )
    assert 'class="field-error"' in wrong
    secret = page.context["form"].secret
    codes = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)}, follow=True)
    assert_aims_page(codes, "Recovery Codes")
    assert 'id="recovery_codes"' in codes.content.decode()
    assert_aims_page(client.get("/accounts/2fa/"), "Two-Factor Authentication")
    assert_aims_page(client.get("/accounts/2fa/totp/deactivate/"), "Deactivate Authenticator App")
    assert_aims_page(client.get("/accounts/2fa/recovery-codes/generate/"), "Recovery Codes")


def test_two_factor_sign_in_page(client, dana):
    confirm_password(client, "/accounts/2fa/totp/activate/")
    secret = client.get("/accounts/2fa/totp/activate/").context["form"].secret
    client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    client.post("/accounts/logout/")
    assert sign_in(client, dana.email)["Location"] == "/accounts/2fa/authenticate/"
    html = assert_aims_page(client.get("/accounts/2fa/authenticate/"), "Two-Factor Authentication")
    assert 'for="id_code"' in html


def test_email_page(client):
    assert_aims_page(client.get("/accounts/email/"), "Email Addresses")


def test_account_page_and_new_token_page(client):
    assert_aims_page(client.get("/account/"), "Your account")
    created = client.post("/account/tokens/", {"name": "cli", "days": "7"})
    html = assert_aims_page(created, "Your new API token")
    assert "Copy it now" in html
