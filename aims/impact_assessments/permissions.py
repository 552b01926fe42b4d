"""Who may do what with impact assessments."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_assessments(user: User | AnonymousUser, organization: Organization) -> bool:
    """Write, change and submit assessments, and raise their impacts as risks: owners, managers and
    contributors."""
    return can_edit_records(user, organization)


def can_approve_assessments(user: User | AnonymousUser, organization: Organization) -> bool:
    """Approve an assessment or send it back: owners and managers (never the assessment's author)."""
    return can_manage_members(user, organization)
