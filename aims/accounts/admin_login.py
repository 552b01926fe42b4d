"""The Django admin's sign-in, closed: allauth's sign-in is the only way in.

The admin's own login form checks a password and nothing else, so it would sidestep two-factor and the
login rate limits that allauth applies. Here it never checks a password: a visitor who is not signed in is
sent to allauth's sign-in (two-factor, rate limits) with a way back; a signed-in staff member goes on to the
admin; anyone else signed in is refused. A POST of credentials to it is treated like a GET: it signs nobody
in, not even a second account over a signed-in one. (allauth's own ``secure_admin_login`` wrapper would still
pass a signed-in staff member's POST to the admin's form, which signs in whoever's password it is given.)
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme


def admin_login(request: HttpRequest, extra_context: dict[str, Any] | None = None) -> HttpResponse:
    """Stands in for ``admin.site.login`` (same signature)."""
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or resolve_url("admin:index")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = resolve_url("admin:index")
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(next_url, login_url=resolve_url(settings.LOGIN_URL))
    if not (user.is_active and user.is_staff):
        raise PermissionDenied
    return redirect(next_url)
