"""Fetching controls and SoA versions for a user: 404 whether missing or in an organisation not theirs.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
controls by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.accounts.models import User
from aims.controls import queries
from aims.controls.models import Control, SoAVersion
from aims.organizations.access import Predicate, find_member_record, get_organization_for_user
from aims.organizations.models import Organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_control_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Control:
    records = queries.controls_with_entries_all().select_related("organization")
    found: Control | None = None
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        found = records.filter(pk=pk, organization=organization).first()
    elif isinstance(user, User):
        found = find_member_record(records.filter(pk=pk), user)
        if found is not None and perm is not None and not perm(user, found.organization):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    if found is None:
        raise Http404("No such control.")
    queries.attach_reliances([found])
    return found


def get_version_for_user(user: User | AnonymousUser, organization: Organization, number: int) -> SoAVersion:
    """A version of an organisation the caller has already been let into."""
    version = (
        SoAVersion.objects.filter(organization=organization, number=number)
        .select_related("approved_by")
        .first()
    )
    if version is None:
        raise Http404(f"No SoA version {number}.")
    return version
