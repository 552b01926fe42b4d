"""Who may export the evidence pack: whoever may read the audit log (owners, managers, auditors), since the
pack holds the audit trail and every evidence file."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_view_audit_log

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization


def can_export_pack(user: User | AnonymousUser, organization: Organization) -> bool:
    return can_view_audit_log(user, organization)
