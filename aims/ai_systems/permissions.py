"""Who may do what with AI systems. Every predicate answers False for non-members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations import permissions as org_permissions

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_ai_systems(user: User | AnonymousUser, organization: Organization) -> bool:
    """Register, edit, archive and move systems along their life cycle: owners, managers, contributors."""
    return org_permissions.can_edit_records(user, organization)


def can_approve_stage(user: User | AnonymousUser, organization: Organization) -> bool:
    """Approve a move into deployment or retirement (A.6.2.5): owners and managers."""
    return org_permissions.can_manage_members(user, organization)
