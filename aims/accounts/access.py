"""Access helpers: a person reaches only their own tokens; anyone else's is a 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from aims.accounts.models import ApiToken, User


def get_api_token_for_user(user: User, pk: int) -> ApiToken:
    return get_object_or_404(ApiToken, pk=pk, user=user)
