"""Access helpers: fetch an organisation for a user, or answer 404 (missing or not theirs alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.organizations import permissions
from aims.organizations.models import Organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User

Predicate = Callable[["User | AnonymousUser", Organization], bool]


def get_organization_for_user(
    user: User | AnonymousUser, slug: str, *, require: Predicate | None = None
) -> Organization:
    """The organisation if the user belongs to it (else 404); `require` then checks the role (else 403)."""
    organization = Organization.objects.filter(slug=slug).first()
    if organization is None or not permissions.can_view_organization(user, organization):
        raise Http404("No such organisation.")
    if require is not None and not require(user, organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    return organization
