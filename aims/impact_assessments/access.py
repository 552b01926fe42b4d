"""Fetching assessments and their impacts for a user: 404 whether missing or in an organisation they do not
belong to; then 403 if their role does not allow what they ask.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.accounts.models import User
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_assessment_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> ImpactAssessment:
    records = ImpactAssessment.objects.select_related("organization", "ai_system", "author", "approved_by")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such impact assessment.")


def get_item_for_user(
    user: User | AnonymousUser,
    org_slug: str | None,
    pk: int,
    item_id: int,
    perm: Predicate | None = None,
) -> ImpactItem:
    assessment = get_assessment_for_user(user, org_slug, pk, perm)
    item = ImpactItem.objects.select_related("risk").filter(pk=item_id, assessment=assessment).first()
    if item is None:
        raise Http404("No such impact.")
    item.assessment = assessment
    return item
