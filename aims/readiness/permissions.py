"""Who may see readiness and change its thresholds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_manage_members, can_view_organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_view_readiness(user: User | AnonymousUser, organization: Organization) -> bool:
    """Every member: readiness says only what the registers they can read already hold."""
    return can_view_organization(user, organization)


def can_change_readiness_settings(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners and managers, who run the AIMS."""
    return can_manage_members(user, organization)
