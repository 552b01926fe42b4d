"""Who may do what in an organisation. Every predicate answers False for non-members."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.models import Membership, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization

READERS = frozenset(Role)
EDITORS = frozenset({Role.OWNER, Role.MANAGER, Role.CONTRIBUTOR})
AUDIT_READERS = frozenset({Role.OWNER, Role.MANAGER, Role.AUDITOR})
MEMBER_MANAGERS = frozenset({Role.OWNER, Role.MANAGER})
OWNERS = frozenset({Role.OWNER})


def role_in(user: User | AnonymousUser, organization: Organization) -> Role | None:
    """The user's role in the organisation, or None; looked up once per user object and organisation."""
    if not user.is_authenticated or organization.pk is None:
        return None
    cache: dict[int, Role | None] = user.__dict__.setdefault("_aims_roles", {})
    if organization.pk not in cache:
        role = (
            Membership.objects.filter(organization=organization, user=user)
            .values_list("role", flat=True)
            .first()
        )
        cache[organization.pk] = Role(role) if role else None
    return cache[organization.pk]


def forget_roles(user: User | AnonymousUser) -> None:
    user.__dict__.pop("_aims_roles", None)


def _has(user: User | AnonymousUser, organization: Organization, roles: frozenset[Role]) -> bool:
    return role_in(user, organization) in roles


def can_view_organization(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, READERS)


def can_edit_records(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, EDITORS)


def can_view_audit_log(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, AUDIT_READERS)


def can_manage_members(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, MEMBER_MANAGERS)


def can_change_organization(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, OWNERS)


def can_grant_role(user: User | AnonymousUser, organization: Organization, role: str) -> bool:
    """Managers invite and assign every role but owner; only owners make or unmake owners."""
    actor_role = role_in(user, organization)
    if actor_role == Role.OWNER:
        return True
    return actor_role == Role.MANAGER and role != Role.OWNER
