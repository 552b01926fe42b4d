"""Who may do what with management reviews."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_reviews(user: User | AnonymousUser, organization: Organization) -> bool:
    """Plan a review, list attendees, write discussion notes, record decisions and actions, and keep actions
    up to date: owners, managers and contributors (who prepare the meeting and take the minutes)."""
    return can_edit_records(user, organization)


def can_decide_reviews(user: User | AnonymousUser, organization: Organization) -> bool:
    """Record the meeting as held (which freezes its inputs), approve the minutes, cancel a meeting: owners
    and managers. Approving also needs them to have taken part in the meeting."""
    return can_manage_members(user, organization)
