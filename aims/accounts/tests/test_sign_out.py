from django.test import Client

from aims.accounts.models import User
from aims.accounts.tests.conftest import PASSWORD, sign_in


def signed_in(dana: User) -> Client:
    client = Client()
    sign_in(client, dana.email)
    assert client.get("/api/v1/me").status_code == 200
    return client


def test_get_only_asks_for_confirmation(dana):
    client = signed_in(dana)
    response = client.get("/accounts/logout/")
    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert client.get("/api/v1/me").status_code == 200


def test_post_signs_out(dana):
    client = signed_in(dana)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert client.get("/api/v1/me").status_code == 401


def test_sign_out_needs_the_csrf_token(dana):
    client = Client(enforce_csrf_checks=True)
    sign_in_page = client.get("/accounts/login/")
    client.post(
        "/accounts/login/",
        {"login": dana.email, "password": PASSWORD},
        HTTP_X_CSRFTOKEN=sign_in_page.cookies["csrftoken"].value,
    )
    assert client.post("/accounts/logout/").status_code == 403
    assert client.get("/api/v1/me").status_code == 200
