"""Changes a person makes to their own account: their details, and personal API tokens."""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.accounts.models import ApiToken, User
from aims.audit.trail import record
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex

TOKEN_PREFIX = "aims_"
MAX_TOKEN_DAYS = 366


def token_digest(secret: str) -> str:
    return sha256_hex(secret)


@transaction.atomic
def update_profile(*, actor: User, full_name: str) -> User:
    """Change the actor's own details; an unchanged name records nothing."""
    full_name = full_name.strip()
    max_length = User._meta.get_field("full_name").max_length or 200
    if len(full_name) > max_length:
        raise ValidationError({"full_name": f"The name can be at most {max_length} characters."})
    if full_name == actor.full_name:
        return actor
    before = {"full_name": actor.full_name}
    actor.full_name = full_name
    actor.save(update_fields=["full_name"])
    record(
        actor=actor, verb="user.profile_updated", target=actor, before=before, after={"full_name": full_name}
    )
    return actor


@transaction.atomic
def create_api_token(*, actor: User, name: str, days: int | None = None) -> tuple[ApiToken, str]:
    """A new token for the actor. Returns the token and its secret, which is never stored or shown again."""
    days = settings.AIMS_TOKEN_DEFAULT_DAYS if days is None else days
    name = name.strip()
    errors = {}
    if not name:
        errors["name"] = "Give the token a name, such as the tool that will use it."
    elif len(name) > 100:
        errors["name"] = "The name can be at most 100 characters."
    if not 1 <= days <= MAX_TOKEN_DAYS:
        errors["days"] = f"A token lives between 1 and {MAX_TOKEN_DAYS} days."
    if errors:
        raise ValidationError(errors)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=actor,
        name=name,
        prefix=secret[: len(TOKEN_PREFIX) + 6],
        digest=token_digest(secret),
        expires_at=timezone.now() + timedelta(days=days),
    )
    record(actor=actor, verb="api_token.created", target=token, data={"name": name, "days": days})
    return token, secret


@transaction.atomic
def revoke_api_token(*, actor: User, token: ApiToken) -> ApiToken:
    if token.user_id != actor.pk:
        raise PermissionDenied("You can only revoke your own tokens.")
    if token.revoked_at is not None:
        raise ActionError("This token is already revoked.")
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    record(actor=actor, verb="api_token.revoked", target=token, data={"name": token.name})
    return token


def user_for_token(secret: str) -> User | None:
    """The active token's user, marking when the token was last used; None for unknown, expired or revoked."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    token = ApiToken.objects.active().select_related("user").filter(digest=token_digest(secret)).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
