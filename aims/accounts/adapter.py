"""allauth adapter: sign-up is open to invited people, or to all when AIMS_OPEN_SIGNUP is on."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.http import HttpRequest

from aims.organizations.actions import find_invitation

INVITATION_SESSION_KEY = "aims_invitation"


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return bool(settings.AIMS_OPEN_SIGNUP or request.session.get(INVITATION_SESSION_KEY))

    def is_email_verified(self, request: HttpRequest, email: str) -> bool:
        """An address is verified when the person followed an invitation link sent to it.

        Without this every invited person would keep an unverified address, and allauth refuses
        two-factor authentication to accounts with an unverified address.
        """
        secret = request.session.get(INVITATION_SESSION_KEY)
        invitation = find_invitation(secret) if secret else None
        if invitation is not None and invitation.is_usable and invitation.email.lower() == email.lower():
            return True
        return bool(super().is_email_verified(request, email))
