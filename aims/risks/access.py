"""Fetching risks, treatment actions and criteria for a user: 404 whether missing or in an organisation they
do not belong to; then 403 if their role does not allow what they ask.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.db.models import Model

from aims.accounts.models import User
from aims.organizations.access import Predicate, get_record_for_user
from aims.risks.models import Risk, RiskCriteria, TreatmentAction

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

M = TypeVar("M", bound=Model)


def get_risk_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Risk:
    records = Risk.objects.select_related(
        "organization",
        "ai_system",
        "owner",
        "risk_source",
        "criteria",
        "residual_criteria",
        "assessed_by",
        "accepted_by",
    )
    return get_record_for_user(records, user, org_slug, pk, perm, path="organization")


def get_action_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> TreatmentAction:
    records = TreatmentAction.objects.select_related("risk__organization", "owner")
    return get_record_for_user(records, user, org_slug, pk, perm, path="risk__organization")


def get_criteria_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> RiskCriteria:
    records = RiskCriteria.objects.select_related("organization").prefetch_related("scale_points", "levels")
    return get_record_for_user(records, user, org_slug, pk, perm, path="organization")
