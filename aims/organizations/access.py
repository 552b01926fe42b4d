"""Access helpers: fetch an organisation for a user, or answer 404 (missing or not theirs alike)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import F, Model, OuterRef, QuerySet, Subquery
from django.http import Http404

from aims.organizations import permissions
from aims.organizations.models import Membership, Organization

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


M = TypeVar("M", bound=Model)


def get_record_for_user(
    records: QuerySet[M],
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    perm: Predicate | None = None,
    *,
    path: str = "organization",
    missing: str = "No such record.",
) -> M:
    """One record of an organisation for a user: 404 whether missing or in an organisation they are not in,
    then 403 when their role fails `perm`. `path` leads from the record to its organisation.

    With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
    records by id alone) it may be in any of the user's organisations.
    """
    found: M | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = records.filter(pk=pk, **{path: organization}).first()
    elif user.is_authenticated:
        found = find_member_record(records.filter(pk=pk), user, path)
        owner = _organization_of(found, path) if found is not None else None
        if owner is not None and perm is not None and not perm(user, owner):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404(missing)
    return found


def member_organizations(user: User | AnonymousUser) -> QuerySet[Membership, Any]:
    """The ids of the organisations the user holds a current membership of, as a subquery for `__in`."""
    if not user.is_authenticated:
        return Membership.objects.none().values("organization")
    return Membership.objects.organizations_of(user)


def find_member_record(
    records: QuerySet[M], user: User | AnonymousUser, path: str = "organization"
) -> M | None:
    """The first of `records` in an organisation the user holds a current membership of, else None.

    The user's role there comes in the same query and is remembered, so that permission checks (and the
    access log of external auditors) need no further query. `path` leads from the record to its organisation.
    """
    if not user.is_authenticated:
        return None
    role = Membership.objects.current().filter(user=user, organization=OuterRef(path)).values("role")[:1]
    found = (
        records.annotate(aims_member_role=Subquery(role), aims_member_org=F(path))
        .filter(aims_member_role__isnull=False)
        .first()
    )
    if found is not None:
        permissions.remember_role(user, found.aims_member_org, found.aims_member_role)
    return found


def _organization_of(found: Model, path: str) -> Organization:
    value: object = found
    for part in path.split("__"):
        value = getattr(value, part)
    assert isinstance(value, Organization)
    return value
