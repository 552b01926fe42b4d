"""Who may do what with the AI policy and its records. Every predicate answers False for non-members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_draft_policy(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners, managers and contributors start the AI policy and link the policies it aligns with."""
    return can_edit_records(user, organization)


def can_record_leadership(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners and managers record policy reviews and top management's commitment (5.1, A.2.4)."""
    return can_manage_members(user, organization)
