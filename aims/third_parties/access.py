"""Access helpers: a third party or relationship for a user, or 404 (missing or in another organisation
alike), then 403 if the user's role does not allow what `perm` asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from aims.organizations import permissions as org_permissions
from aims.organizations.access import Predicate, get_organization_for_user
from aims.third_parties.models import Relationship, ThirdParty

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User

M = TypeVar("M", bound=models.Model)


def _get_for_user(
    queryset: models.QuerySet[M],
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    perm: Predicate | None,
) -> M:
    """The record of `pk` if the user belongs to its organisation (and, with `org_slug`, it is that one)."""
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug)
        queryset = queryset.filter(organization=organization)
    found = queryset.select_related("organization").filter(pk=pk).first()
    if found is None:
        raise Http404("Not found.")
    organization = found.organization  # type: ignore[attr-defined]
    if not org_permissions.can_view_organization(user, organization):
        raise Http404("Not found.")
    if perm is not None and not perm(user, organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    return found


def get_third_party_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ThirdParty:
    """A third party of the organisation `org_slug` (or of any organisation the user belongs to, when None:
    the API addresses records by id alone)."""
    return _get_for_user(ThirdParty.objects.all(), user, org_slug, pk, perm)


def get_relationship_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Relationship:
    relationships = Relationship.objects.select_related("third_party", "ai_system")
    return _get_for_user(relationships, user, org_slug, pk, perm)
