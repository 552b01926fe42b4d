"""Fetching context records for a user: 404 whether missing or in an organisation they do not belong to.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model

from aims.accounts.models import User
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, ScopeStatement
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", bound=Model)


def get_issue_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ContextIssue:
    records = ContextIssue.objects.select_related("organization", "owner")
    return get_record_for_user(records, user, org_slug, pk, perm, path="organization")


def get_obligation_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Obligation:
    records = Obligation.objects.select_related("organization", "owner")
    return get_record_for_user(records, user, org_slug, pk, perm, path="organization")


def get_party_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> InterestedParty:
    return get_record_for_user(
        InterestedParty.objects.select_related("organization"), user, org_slug, pk, perm
    )


def get_requirement_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Requirement:
    records = Requirement.objects.select_related("party__organization", "obligation")
    return get_record_for_user(records, user, org_slug, pk, perm, path="party__organization")


def get_scope_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ScopeStatement:
    records = ScopeStatement.objects.select_related("organization", "author", "approved_by")
    return get_record_for_user(records, user, org_slug, pk, perm, path="organization")
