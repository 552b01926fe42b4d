"""Fetching records for a user: 404 whether missing or in an organisation they do not belong to; then 403 if
their role does not allow what they ask. With `org_slug` (HTML) the record must be in that organisation;
without it (the API) it may be in any of the user's organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.accounts.models import User
from aims.improvement.models import CorrectiveAction, ImprovementOpportunity, Nonconformity
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_nonconformity_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Nonconformity:
    records = Nonconformity.objects.select_related(
        "organization", "owner", "requirement", "incident", "raised_by", "corrected_by"
    )
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such nonconformity.")


def get_corrective_action(nonconformity: Nonconformity, pk: int) -> CorrectiveAction:
    """An action of a nonconformity already fetched for the user; 404 if it belongs to another one."""
    found = (
        CorrectiveAction.objects.filter(nonconformity=nonconformity, pk=pk).select_related("owner").first()
    )
    if found is None:
        raise Http404("No such corrective action.")
    found.nonconformity = nonconformity
    return found


def get_opportunity_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ImprovementOpportunity:
    records = ImprovementOpportunity.objects.select_related(
        "organization", "owner", "decided_by", "raised_by"
    )
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such improvement opportunity.")
