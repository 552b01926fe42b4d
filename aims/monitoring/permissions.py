"""Who may do what with metrics and measurements."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_edit_metrics(user: User | AnonymousUser, organization: Organization) -> bool:
    """Define metrics and their thresholds, and record measurements (by hand or with an API token): owners,
    managers and contributors. Auditors and viewers read."""
    return can_edit_records(user, organization)
