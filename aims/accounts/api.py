"""/api/v1/me and /api/v1/tokens: the signed-in person and their personal API tokens."""

from __future__ import annotations

from typing import Any

from ninja import Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts import actions
from aims.accounts.access import get_api_token_for_user
from aims.accounts.schemas import MeOut, MePatch, TokenCreatedOut, TokenIn, TokenOut
from aims.web.api import ActiveSessionAuth
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["accounts"])


@router.get("/me", response=MeOut, summary="The signed-in user")
def me(request: AuthedRequest) -> Any:
    return request.user


@router.patch("/me", response=MeOut, summary="Change your details")
def me_update(request: AuthedRequest, payload: MePatch) -> Any:
    return actions.update_profile(actor=request.user, full_name=payload.full_name)


@router.get("/tokens", response=list[TokenOut], summary="Your personal API tokens")
@paginate(PagePagination)
def token_list(request: AuthedRequest) -> Any:
    return request.user.api_tokens.order_by("-created_at", "-pk")


@router.post(
    "/tokens",
    response={201: TokenCreatedOut},
    auth=ActiveSessionAuth(),
    summary="Create a token (its secret is returned once)",
    description="Only from a signed-in browser session: a token cannot mint further tokens.",
)
def token_create(request: AuthedRequest, payload: TokenIn) -> Any:
    token, secret = actions.create_api_token(actor=request.user, name=payload.name, days=payload.days)
    token.secret = secret  # type: ignore[attr-defined]
    return Status(201, token)


@router.post("/tokens/{token_id}/revoke", response=TokenOut, summary="Revoke one of your tokens")
def token_revoke(request: AuthedRequest, token_id: int) -> Any:
    token = get_api_token_for_user(request.user, token_id)
    return actions.revoke_api_token(actor=request.user, token=token)
