"""Fetching context records for a user: 404 whether missing or in an organisation they do not belong to.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from aims.accounts.models import User
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, ScopeStatement
from aims.organizations.access import Predicate, get_organization_for_user
from aims.organizations.models import Membership, Organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", bound=Model)


def _get(
    records: QuerySet[M],
    path: str,
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    perm: Predicate | None,
) -> M:
    found: M | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = records.filter(pk=pk, **{path: organization}).first()
    elif isinstance(user, User):
        mine = Membership.objects.filter(user=user).values("organization")
        found = records.filter(pk=pk, **{f"{path}__in": mine}).first()
        owner_org = _organization(found, path) if found is not None else None
        if owner_org is not None and perm is not None and not perm(user, owner_org):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404("No such record.")
    return found


def _organization(found: Model, path: str) -> Organization:
    value: object = found
    for part in path.split("__"):
        value = getattr(value, part)
    assert isinstance(value, Organization)
    return value


def get_issue_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ContextIssue:
    records = ContextIssue.objects.select_related("organization", "owner")
    return _get(records, "organization", user, org_slug, pk, perm)


def get_obligation_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Obligation:
    records = Obligation.objects.select_related("organization", "owner")
    return _get(records, "organization", user, org_slug, pk, perm)


def get_party_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> InterestedParty:
    return _get(
        InterestedParty.objects.select_related("organization"), "organization", user, org_slug, pk, perm
    )


def get_requirement_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Requirement:
    records = Requirement.objects.select_related("party__organization", "obligation")
    return _get(records, "party__organization", user, org_slug, pk, perm)


def get_scope_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ScopeStatement:
    records = ScopeStatement.objects.select_related("organization", "author", "approved_by")
    return _get(records, "organization", user, org_slug, pk, perm)
