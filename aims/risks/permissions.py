"""Who may do what with risks. The criteria decide who may accept a residual risk at each level."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members, role_in

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization
    from aims.risks.levels import LevelSpec


def can_edit_risks(user: User | AnonymousUser, organization: Organization) -> bool:
    """Identify, describe, assess and treat risks: owners, managers and contributors."""
    return can_edit_records(user, organization)


def can_close_risks(user: User | AnonymousUser, organization: Organization) -> bool:
    """Closing a risk takes it off the register's working list: owners and managers."""
    return can_manage_members(user, organization)


def can_draft_criteria(user: User | AnonymousUser, organization: Organization) -> bool:
    return can_manage_members(user, organization)


def can_approve_criteria(user: User | AnonymousUser, organization: Organization) -> bool:
    """Putting criteria in force sets the risk appetite: owners (top management) only."""
    role = role_in(user, organization)
    return role is not None and role == "owner"


def can_accept_level(user: User | AnonymousUser, organization: Organization, level: LevelSpec) -> bool:
    role = role_in(user, organization)
    return role is not None and str(role) in level.acceptable_by
