"""Fetching a planned change for a user: 404 whether missing or in an organisation they do not belong to;
then 403 if their role does not allow what they ask. With `org_slug` (HTML) the record must be in that
organisation; without it (the API) it may be in any of the user's organisations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.accounts.models import User
from aims.changes.models import PlannedChange
from aims.organizations.access import Predicate, get_record_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_change_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> PlannedChange:
    records = PlannedChange.objects.select_related("organization", "requester", "decided_by")
    return get_record_for_user(records, user, org_slug, pk, perm, missing="No such planned change.")
