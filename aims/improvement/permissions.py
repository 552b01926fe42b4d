"""Who may do what with nonconformities, corrective actions and improvement opportunities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_nonconformities(user: User | AnonymousUser, organization: Organization) -> bool:
    """Raise nonconformities, record corrections, root causes and corrective actions: owners, managers and
    contributors."""
    return can_edit_records(user, organization)


def can_decide_nonconformities(user: User | AnonymousUser, organization: Organization) -> bool:
    """Verify effectiveness, close and reopen: owners and managers."""
    return can_manage_members(user, organization)


def can_edit_opportunities(user: User | AnonymousUser, organization: Organization) -> bool:
    """Record, change, start and complete improvement opportunities: owners, managers and contributors."""
    return can_edit_records(user, organization)


def can_decide_opportunities(user: User | AnonymousUser, organization: Organization) -> bool:
    """Accept or decline improvement opportunities: owners and managers."""
    return can_manage_members(user, organization)
