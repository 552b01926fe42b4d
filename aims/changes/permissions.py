"""Who may do what with planned changes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_changes(user: User | AnonymousUser, organization: Organization) -> bool:
    """Plan changes, edit drafts, submit, cancel and record the implementation: owners, managers and
    contributors."""
    return can_edit_records(user, organization)


def can_decide_changes(user: User | AnonymousUser, organization: Organization) -> bool:
    """Approve or reject a submitted change: owners and managers, never on their own request."""
    return can_manage_members(user, organization)
