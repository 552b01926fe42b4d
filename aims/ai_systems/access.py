"""Fetching an AI system for a user: 404 whether it is missing or in an organisation they do not belong to."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.organizations.access import Predicate, find_member_record, get_organization_for_user

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def get_ai_system_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> AISystem:
    """The system if the user belongs to its organisation (else 404); `perm` then checks the role (else 403).

    With `org_slug` (HTML pages) the system must be in that organisation; without it (the API, which
    addresses systems by id alone) it may be in any of the user's organisations.
    """
    systems = AISystem.objects.select_related("organization", "owner", "stage_approved_by")
    if org_slug is not None:
        organization = get_organization_for_user(user, org_slug, require=perm)
        system = systems.filter(pk=pk, organization=organization).first()
    elif isinstance(user, User):
        system = find_member_record(systems.filter(pk=pk), user)
        if system is not None and perm is not None and not perm(user, system.organization):
            raise PermissionDenied("Your role in this organisation does not allow this.")
    else:
        system = None
    if system is None:
        raise Http404("No such AI system.")
    return system
