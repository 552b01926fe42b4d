from typing import Any

from allauth.account.models import EmailAddress
from django.test import Client

from aims.accounts.models import User
from aims.organizations.actions import invite_member
from aims.web.testing import Personas

NEW_PASSWORD = "a long enough passphrase 7"


def sign_up(client: Client, email: str) -> Any:
    return client.post(
        "/accounts/signup/", {"email": email, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


def invited_client(personas: Personas, email: str) -> Client:
    _, secret = invite_member(actor=personas.owner, organization=personas.org, email=email, role="viewer")
    client = Client()
    assert client.get(f"/invitations/{secret}/").status_code == 200
    return client


def test_sign_up_is_closed_without_an_invitation(db):
    response = Client().get("/accounts/signup/")
    assert b"Sign Up Closed" in response.content
    sign_up(Client(), "stranger@example.test")
    assert not User.objects.filter(email="stranger@example.test").exists()


def test_open_sign_up_creates_an_account_with_an_argon2_password(db, settings):
    settings.AIMS_OPEN_SIGNUP = True
    response = sign_up(Client(), "new@example.test")
    assert response.status_code == 302
    assert User.objects.get(email="new@example.test").password.startswith("argon2")


def test_sign_up_form_shows_errors(db, settings):
    settings.AIMS_OPEN_SIGNUP = True
    response = Client().post(
        "/accounts/signup/", {"email": "not-an-email", "password1": "x", "password2": "y"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert b'class="field-error"' in response.content


def test_invited_address_counts_as_verified(personas):
    client = invited_client(personas, "newcomer@acme.test")
    assert sign_up(client, "newcomer@acme.test").status_code == 302
    address = EmailAddress.objects.get(email="newcomer@acme.test")
    assert address.verified
    assert address.primary


def test_another_address_than_the_invited_one_stays_unverified(personas):
    client = invited_client(personas, "newcomer@acme.test")
    assert sign_up(client, "someone-else@acme.test").status_code == 302
    assert not EmailAddress.objects.get(email="someone-else@acme.test").verified
