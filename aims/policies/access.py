"""Fetching the AI policy's records for a user: 404 whether missing or in another organisation.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from aims.accounts.models import User
from aims.organizations.access import Predicate, get_record_for_user
from aims.policies.models import AlignedPolicy, CommitmentRecord, PolicyReview

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", AlignedPolicy, PolicyReview, CommitmentRecord)


def get_aligned_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> AlignedPolicy:
    return get_record_for_user(
        AlignedPolicy.objects.select_related("organization", "document"), user, org_slug, pk, perm
    )


def get_review_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> PolicyReview:
    records = PolicyReview.objects.select_related("organization", "document", "version", "recorded_by")
    return get_record_for_user(records.prefetch_related("reviewers"), user, org_slug, pk, perm)


def get_commitment_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> CommitmentRecord:
    records = CommitmentRecord.objects.select_related("organization", "member", "recorded_by")
    return get_record_for_user(records, user, org_slug, pk, perm)
