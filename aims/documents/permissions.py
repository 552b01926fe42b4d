"""Who may do what with controlled documents. Every predicate answers False for non-members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members, can_view_organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_view_documents(user: User | AnonymousUser, organization: Organization) -> bool:
    return can_view_organization(user, organization)


def can_edit_documents(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners, managers and contributors write documents and drafts and submit them for approval."""
    return can_edit_records(user, organization)


def can_approve_documents(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners and managers approve, publish and withdraw (clause 7.5.2: review and approval)."""
    return can_manage_members(user, organization)
