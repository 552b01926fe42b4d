"""Who may do what in an organisation. Every predicate answers False for non-members, and an expired
membership (an external auditor's, after its end date) counts as none at all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.models import Membership, Role

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.organizations.models import Organization

READERS = frozenset(Role)
INTERNAL = READERS - {Role.EXTERNAL_AUDITOR}
EDITORS = frozenset({Role.OWNER, Role.MANAGER, Role.CONTRIBUTOR})
AUDITORS = frozenset({Role.AUDITOR, Role.EXTERNAL_AUDITOR})
AUDIT_READERS = frozenset({Role.OWNER, Role.MANAGER}) | AUDITORS
MEMBER_MANAGERS = frozenset({Role.OWNER, Role.MANAGER})
OWNERS = frozenset({Role.OWNER})

_CACHE = "_aims_roles"


def role_in(user: User | AnonymousUser, organization: Organization) -> Role | None:
    """The user's role in the organisation, or None (also once the membership has expired); looked up once
    per user object and organisation."""
    if not user.is_authenticated or organization.pk is None:
        return None
    cache: dict[int, Role | None] = user.__dict__.setdefault(_CACHE, {})
    if organization.pk not in cache:
        role = (
            Membership.objects.current()
            .filter(organization=organization, user=user)
            .values_list("role", flat=True)
            .first()
        )
        cache[organization.pk] = Role(role) if role else None
    return cache[organization.pk]


def remember_role(user: User | AnonymousUser, organization_id: int, role: str | None) -> None:
    """Note a role read along with a record (in the same query), so `role_in` needs no query for it."""
    if user.is_authenticated:
        user.__dict__.setdefault(_CACHE, {})[organization_id] = Role(role) if role else None


def roles_seen(user: User | AnonymousUser | None) -> dict[int, Role | None]:
    """The roles `role_in` has looked up for this user object so far, by organisation id; never a query."""
    return dict(user.__dict__.get(_CACHE, {})) if user is not None else {}


def forget_roles(user: User | AnonymousUser) -> None:
    user.__dict__.pop(_CACHE, None)


def _has(user: User | AnonymousUser, organization: Organization, roles: frozenset[Role]) -> bool:
    return role_in(user, organization) in roles


def can_view_organization(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, READERS)


def can_take_part(user: User | AnonymousUser, organization: Organization) -> bool:
    """The organisation's own people, whatever their role (not external auditors, who only read): report a
    concern, record their own training, acknowledge a document."""
    return _has(user, organization, INTERNAL)


def can_edit_records(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, EDITORS)


def can_view_audit_log(user: User | AnonymousUser, organization: Organization) -> bool:
    """Owners, managers, auditors and external auditors; it also lets them export the evidence pack."""
    return _has(user, organization, AUDIT_READERS)


def can_manage_members(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, MEMBER_MANAGERS)


def can_change_organization(user: User | AnonymousUser, organization: Organization) -> bool:
    return _has(user, organization, OWNERS)


def can_grant_role(user: User | AnonymousUser, organization: Organization, role: str) -> bool:
    """Managers invite and assign every role but owner (external auditors included, as are extending and
    revoking their access); only owners make or unmake owners."""
    actor_role = role_in(user, organization)
    if actor_role == Role.OWNER:
        return True
    return actor_role == Role.MANAGER and role != Role.OWNER
