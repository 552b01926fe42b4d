"""Who may do what with AI objectives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_objectives(user: User | AnonymousUser, organization: Organization) -> bool:
    """Set and change objectives, activate them, and keep their plans: owners, managers and contributors."""
    return can_edit_records(user, organization)


def can_decide_objectives(user: User | AnonymousUser, organization: Organization) -> bool:
    """Record whether an objective was achieved, and withdraw it: owners and managers."""
    return can_manage_members(user, organization)
