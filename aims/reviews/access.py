"""Fetching a management review or a review action for a user: 404 whether missing or in an organisation they
do not belong to; then 403 if their role does not allow what they ask. With `org_slug` (HTML) the record must
be in that organisation; without it (the API) it may be in any of the user's organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.accounts.models import User
from aims.organizations.access import Predicate, get_record_for_user
from aims.reviews.models import ManagementReview, ReviewAction

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_review_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ManagementReview:
    records = ManagementReview.objects.select_related("organization", "chair", "minutes_approved_by")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such management review.")


def get_review_action_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ReviewAction:
    records = ReviewAction.objects.select_related("organization", "review", "owner", "decision")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such review action.")
