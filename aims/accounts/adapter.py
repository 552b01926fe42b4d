"""allauth adapter: sign-up is open to invited people, or to all when AIMS_OPEN_SIGNUP is on."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

INVITATION_SESSION_KEY = "aims_invitation"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.AIMS_OPEN_SIGNUP or request.session.get(INVITATION_SESSION_KEY))
