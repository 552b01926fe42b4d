import re

from django.core import mail
from django.test import Client

from aims.accounts.tests.conftest import sign_in

NEW_PASSWORD = "a brand new passphrase 42"


def request_reset(client: Client, email: str = "dana@acme.test") -> None:
    response = client.post("/accounts/password/reset/", {"email": email})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"


def reset_link() -> str:
    assert len(mail.outbox) == 1
    match = re.search(r"https?://[^/\s]+(/accounts/password/reset/key/\S+)", str(mail.outbox[0].body))
    assert match, mail.outbox[0].body
    return match.group(1)


def test_reset_mails_a_link_that_sets_a_new_password(dana):
    client = Client()
    request_reset(client)
    assert mail.outbox[0].to == ["dana@acme.test"]
    form_page = client.get(reset_link(), follow=True)
    assert form_page.status_code == 200
    assert "password1" in form_page.context["form"].fields
    done = client.post(
        form_page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )
    assert done.status_code == 302
    dana.refresh_from_db()
    assert dana.check_password(NEW_PASSWORD)
    assert dana.password.startswith("argon2")
    assert sign_in(Client(), "dana@acme.test", NEW_PASSWORD).status_code == 302


def test_reset_link_works_only_once(dana):
    client = Client()
    request_reset(client)
    link = reset_link()
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    client.post(form_url, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    again = Client().get(link, follow=True)
    assert again.context["token_fail"] is True


def test_reset_refuses_a_weak_password(dana):
    client = Client()
    request_reset(client)
    form_url = client.get(reset_link(), follow=True).redirect_chain[-1][0]
    response = client.post(form_url, {"password1": "short", "password2": "short"})
    assert response.status_code == 200
    assert response.context["form"].errors["password1"]
    dana.refresh_from_db()
    assert not dana.check_password("short")


def test_reset_for_unknown_address_reveals_nothing(db):
    request_reset(Client(), "nobody@acme.test")
    # allauth prevents enumeration: the page is the same, and the mail says no account exists.
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" not in mail.outbox[0].body
