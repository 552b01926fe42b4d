"""Who may do what with internal audits.

Every member reads programmes, audits, checklists and reports. Owners, managers, contributors and auditors
plan audits and draft programmes; the results of an audit are recorded, and the audit started and reported,
by its lead auditor and team (or an owner or manager). Owners and managers approve programmes, close and
cancel audits. Viewers only read. Raising a nonconformity from a finding also needs the improvement
register's own right (owners, managers and contributors).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.models import Role
from aims.organizations.permissions import can_manage_members, role_in

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.internal_audits.models import InternalAudit
    from aims.organizations.models import Organization

AUDIT_WORKERS = frozenset({Role.OWNER, Role.MANAGER, Role.CONTRIBUTOR, Role.AUDITOR})


def can_work_on_audits(user: User | AnonymousUser, organization: Organization) -> bool:
    """Plan audits, draft programmes, and take part in audits: every member but viewers."""
    return role_in(user, organization) in AUDIT_WORKERS


def can_decide_audits(user: User | AnonymousUser, organization: Organization) -> bool:
    """Approve programmes, close and cancel audits: owners and managers."""
    return can_manage_members(user, organization)


def is_on_team(user: User | AnonymousUser, audit: InternalAudit) -> bool:
    if not user.is_authenticated:
        return False
    return audit.lead_auditor_id == user.pk or audit.team.filter(pk=user.pk).exists()


def can_conduct_audit(user: User | AnonymousUser, audit: InternalAudit) -> bool:
    """Record results, start and report the audit: its lead auditor and team, or an owner or manager."""
    if can_decide_audits(user, audit.organization):
        return True
    return can_work_on_audits(user, audit.organization) and is_on_team(user, audit)
