from django.test import Client

from aims.accounts.tests.conftest import PASSWORD, sign_in


def test_password_is_hashed_with_argon2(dana):
    assert dana.password.startswith("argon2")
    assert PASSWORD not in dana.password


def test_sign_in_with_email_and_password(dana):
    client = Client()
    response = sign_in(client, "dana@acme.test")
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/api/v1/me").json()["email"] == "dana@acme.test"


def test_sign_in_ignores_case_of_email(dana):
    client = Client()
    assert sign_in(client, "Dana@Acme.TEST").status_code == 302


def test_wrong_password_is_refused(dana):
    client = Client()
    response = sign_in(client, "dana@acme.test", "not the password")
    assert response.status_code == 200
    assert response.context["form"].errors
    assert b"not correct" in response.content
    assert client.get("/api/v1/me").status_code == 401


def test_unknown_email_is_refused_the_same_way(db):
    response = sign_in(Client(), "nobody@acme.test")
    assert response.status_code == 200
    assert b"not correct" in response.content


def test_inactive_person_cannot_sign_in(dana):
    dana.is_active = False
    dana.save(update_fields=["is_active"])
    client = Client()
    sign_in(client, "dana@acme.test")
    assert client.get("/api/v1/me").status_code == 401


def test_anonymous_account_page_sends_to_sign_in(db):
    response = Client().get("/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/account/")


def test_anonymous_api_is_401_with_error_body(db):
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
