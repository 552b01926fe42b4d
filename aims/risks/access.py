"""Fetching risks, treatment actions and criteria for a user: 404 whether missing or in an organisation they
do not belong to; then 403 if their role does not allow what they ask.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

from aims.accounts.models import User
from aims.organizations.access import Predicate, get_organization_for_user
from aims.organizations.models import Membership, Organization
from aims.risks.models import Risk, RiskCriteria, TreatmentAction

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
        if found is not None and perm is not None and not perm(user, _organization(found, path)):
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
    return _get(records, "organization", user, org_slug, pk, perm)


def get_action_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> TreatmentAction:
    records = TreatmentAction.objects.select_related("risk__organization", "owner")
    return _get(records, "risk__organization", user, org_slug, pk, perm)


def get_criteria_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> RiskCriteria:
    records = RiskCriteria.objects.select_related("organization").prefetch_related("scale_points", "levels")
    return _get(records, "organization", user, org_slug, pk, perm)
