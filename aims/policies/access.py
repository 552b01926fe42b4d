"""Fetching the AI policy's records for a user: 404 whether missing or in another organisation.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from aims.accounts.models import User
from aims.organizations.access import Predicate, get_organization_for_user
from aims.organizations.models import Membership
from aims.policies.models import AlignedPolicy, CommitmentRecord, PolicyReview

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", AlignedPolicy, PolicyReview, CommitmentRecord)


def _get(
    records: QuerySet[M], user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None
) -> M:
    found: M | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = records.filter(pk=pk, organization=organization).first()
    elif isinstance(user, User):
        mine = Membership.objects.filter(user=user).values("organization")
        found = records.filter(pk=pk, organization__in=mine).first()
        if found is not None and perm is not None and not perm(user, found.organization):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404("No such record.")
    return found


def get_aligned_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> AlignedPolicy:
    return _get(AlignedPolicy.objects.select_related("organization", "document"), user, org_slug, pk, perm)


def get_review_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> PolicyReview:
    records = PolicyReview.objects.select_related("organization", "document", "version", "recorded_by")
    return _get(records.prefetch_related("reviewers"), user, org_slug, pk, perm)


def get_commitment_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> CommitmentRecord:
    records = CommitmentRecord.objects.select_related("organization", "member", "recorded_by")
    return _get(records, user, org_slug, pk, perm)
