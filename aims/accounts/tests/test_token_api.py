import json

from django.test import Client

from aims.accounts.actions import create_api_token
from aims.accounts.models import ApiToken, User


def test_a_token_cannot_create_further_tokens(db):
    user = User.objects.create_user(email="minter@x.test")
    _, secret = create_api_token(actor=user, name="ci")
    response = Client().post(
        "/api/v1/tokens",
        data=json.dumps({"name": "another", "days": 5}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    assert response.status_code == 401
    assert ApiToken.objects.filter(user=user).count() == 1
