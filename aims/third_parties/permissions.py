"""Who may do what with suppliers and customers. Every predicate answers False for non-members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations import permissions as org_permissions

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_view_third_parties(user: User | AnonymousUser, organization: Organization) -> bool:
    return org_permissions.can_view_organization(user, organization)


def can_edit_third_parties(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners, managers and contributors keep the register, relationships and responsibilities."""
    return org_permissions.can_edit_records(user, organization)


def can_record_due_diligence(user: User | AnonymousUser, organization: Organization) -> bool:
    """A due diligence outcome approves or rejects a third party: owners and managers decide it."""
    return org_permissions.can_manage_members(user, organization)
