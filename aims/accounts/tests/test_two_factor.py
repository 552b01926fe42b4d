"""TOTP two-factor through allauth's own pages: activate, then every sign-in asks for a code."""

import re

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core import mail
from django.test import Client

from aims.accounts.tests.conftest import sign_in, sign_in_and_confirm, totp_code


def test_activation_page_shows_the_qr_code_and_secret(dana):
    client = Client()
    sign_in_and_confirm(client, dana.email)
    page = client.get("/accounts/2fa/totp/activate/")
    assert b'src="data:image/svg+xml;base64,' in page.content
    assert page.context["form"].secret.encode() in page.content
    assert b'name="code"' in page.content


def test_activation_refuses_a_wrong_code(dana):
    client = Client()
    sign_in_and_confirm(client, dana.email)
    client.get("/accounts/2fa/totp/activate/")
    response = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert not Authenticator.objects.filter(user=dana).exists()


def test_activation_creates_totp_and_recovery_codes(dana, totp_secret):
    types = set(Authenticator.objects.filter(user=dana).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def test_sign_in_then_asks_for_a_code(dana, totp_secret):
    client = Client()
    response = sign_in(client, dana.email)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/api/v1/me").status_code == 401
    assert client.get("/account/").status_code == 302


def test_second_step_succeeds_with_a_valid_code(dana, totp_secret):
    client = Client()
    sign_in(client, dana.email)
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(totp_secret)})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/api/v1/me").json()["email"] == dana.email


def test_second_step_fails_with_a_wrong_code(dana, totp_secret):
    client = Client()
    sign_in(client, dana.email)
    right = totp_code(totp_secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    response = client.post("/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert client.get("/api/v1/me").status_code == 401


def test_a_code_works_only_once(dana, totp_secret):
    first, second = Client(), Client()
    sign_in(first, dana.email)
    sign_in(second, dana.email)
    code = totp_code(totp_secret)
    assert first.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    replay = second.post("/accounts/2fa/authenticate/", {"code": code})
    assert replay.status_code == 200
    assert second.get("/api/v1/me").status_code == 401


def test_a_recovery_code_also_passes_the_second_step(dana, totp_secret):
    codes = Authenticator.objects.get(user=dana, type=Authenticator.Type.RECOVERY_CODES).wrap()
    client = Client()
    sign_in(client, dana.email)
    response = client.post("/accounts/2fa/authenticate/", {"code": codes.get_unused_codes()[0]})
    assert response.status_code == 302
    assert client.get("/api/v1/me").status_code == 200


def test_an_unverified_address_must_be_verified_first(dana):
    """allauth refuses two-factor to an account with an unverified address (the e-mail page records one)."""
    client = Client()
    sign_in_and_confirm(client, dana.email)
    client.get("/accounts/email/")
    assert not EmailAddress.objects.get(user=dana).verified
    refused = client.get("/accounts/2fa/totp/activate/", follow=True)
    assert refused.redirect_chain[-1][0] == "/accounts/2fa/"
    assert b"verified your email address" in refused.content
    client.post("/accounts/email/", {"action_send": "", "email": dana.email})
    link = re.search(r"/accounts/confirm-email/[^/\s]+/", str(mail.outbox[-1].body))
    assert link
    client.post(link.group(0))
    assert EmailAddress.objects.get(user=dana).verified
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
