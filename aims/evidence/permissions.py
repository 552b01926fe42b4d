"""Who may do what with evidence: editors add, change, link and retire it; auditors (internal and external)
read and download it; viewers see the register but not the files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import AUDITORS, EDITORS, can_edit_records, role_in

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization

DOWNLOADERS = EDITORS | AUDITORS


def can_edit_evidence(user: User | AnonymousUser, organization: Organization) -> bool:
    return can_edit_records(user, organization)


def can_download_evidence(user: User | AnonymousUser, organization: Organization) -> bool:
    return role_in(user, organization) in DOWNLOADERS
