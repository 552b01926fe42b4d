"""Fetching a metric for a user: 404 whether missing or in an organisation they do not belong to; then 403 if
their role does not allow what they ask."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.accounts.models import User
from aims.monitoring.models import Metric
from aims.organizations.access import Predicate, get_organization_for_user, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

MISSING = "No such metric."


def get_metric_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Metric:
    records = Metric.objects.select_related("organization", "owner", "ai_system").with_filter_owner()
    return get_record_for_user(records, user, org_slug, pk, perm, missing=MISSING)


def get_metric_by_key(
    user: User | AnonymousUser, key: str, org_slug: str | None, perm: Predicate | None = None
) -> Metric:
    """For the API: a metric by its id, or by its reference (MET-001) within the organisation given."""
    key = key.strip()
    if key.isdigit():
        return get_metric_for_user(user, None, int(key), perm)
    if not org_slug:
        raise Http404("Give the organisation (?organization=slug) to find a metric by its reference.")
    organization = get_organization_for_user(user, org_slug, require=perm)
    records = Metric.objects.select_related("organization", "owner", "ai_system").with_filter_owner()
    found = records.filter(organization=organization, reference__iexact=key).first()
    if found is None:
        raise Http404(MISSING)
    return found
