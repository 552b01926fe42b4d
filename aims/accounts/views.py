"""The account page: your details, organisations, sign-in security and personal API tokens."""

from __future__ import annotations

from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_POST

from aims.accounts import actions
from aims.accounts.access import get_api_token_for_user
from aims.accounts.forms import ProfileForm, TokenForm
from aims.lib.errors import ActionError
from aims.organizations.models import Membership
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


def _render_profile(
    request: AuthedRequest,
    *,
    profile_form: ProfileForm | None = None,
    token_form: TokenForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context: dict[str, Any] = {
        "profile_form": profile_form or ProfileForm(initial={"full_name": user.full_name}),
        "token_form": token_form or TokenForm(),
        "tokens": paginate_request(request, user.api_tokens.order_by("-created_at", "-pk")),
        "memberships": Membership.objects.filter(user=user)
        .select_related("organization")
        .order_by("organization__name"),
        "mfa_enabled": is_mfa_enabled(user),
    }
    return render(request, "accounts/profile.html", context, status=status)


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    return _render_profile(request)


@login_required
@require_POST
def profile_update(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST)
    if form.is_valid():
        user = call_action(
            form, lambda: actions.update_profile(actor=request.user, full_name=form.cleaned_data["full_name"])
        )
        if user is not None:
            messages.success(request, "Your details are saved.")
            return redirect("accounts:profile")
    return _render_profile(request, profile_form=form, status=422)


@login_required
@require_POST
def token_create(request: AuthedRequest) -> HttpResponse:
    """Renders the secret once, on this response only: never in a redirect, a message or the session."""
    form = TokenForm(request.POST)
    if form.is_valid():
        result = call_action(
            form,
            lambda: actions.create_api_token(
                actor=request.user, name=form.cleaned_data["name"], days=form.cleaned_data["days"]
            ),
        )
        if result is not None:
            token, secret = result
            response = render(request, "accounts/token_created.html", {"token": token, "secret": secret})
            add_never_cache_headers(response)
            return response
    return _render_profile(request, token_form=form, status=422)


@login_required
@require_POST
def token_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    token = get_api_token_for_user(request.user, pk)
    try:
        actions.revoke_api_token(actor=request.user, token=token)
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"The token “{token.name}” is revoked; it no longer works.")
    return redirect("accounts:profile")
