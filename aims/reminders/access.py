"""Fetching a notice for a user: only its recipient, in an organisation they still belong to, ever sees it;
anyone else gets 404 whether it exists or not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import Http404

from aims.organizations.access import member_organizations
from aims.reminders.models import Notice

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User


def get_notice_for_user(user: User | AnonymousUser, pk: int, org_slug: str | None = None) -> Notice:
    if not user.is_authenticated:
        raise Http404("No such notice.")
    rows = Notice.objects.filter(pk=pk, recipient=user, organization__in=member_organizations(user))
    if org_slug is not None:
        rows = rows.filter(organization__slug=org_slug)
    found = rows.select_related("organization").first()
    if found is None:
        raise Http404("No such notice.")
    return found
