"""Fetching an incident for a user: 404 whether missing or in an organisation they do not belong to;
then 403 if their role does not allow what they ask. With `org_slug` (HTML) the record must be in that
organisation; without it (the API) it may be in any of the user's organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.accounts.models import User
from aims.incidents.models import Incident
from aims.organizations.access import Predicate, get_organization_for_user
from aims.organizations.models import Membership

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_incident_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Incident:
    records = Incident.objects.select_related("organization", "owner")
    found: Incident | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = records.filter(pk=pk, organization=organization).first()
    elif isinstance(user, User):
        mine = Membership.objects.filter(user=user).values("organization")
        found = records.filter(pk=pk, organization__in=mine).first()
        if found is not None and perm is not None and not perm(user, found.organization):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404("No such incident.")
    return found
