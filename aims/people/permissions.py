"""Who may change roles, assignments and the RACI: owners and managers (they answer for 5.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations import permissions as org_permissions

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_manage_roles(user: User | AnonymousUser, organization: Organization) -> bool:
    return org_permissions.can_manage_members(user, organization)
