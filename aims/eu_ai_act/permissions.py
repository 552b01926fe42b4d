"""Who may classify: the roles that edit records (owner, manager, contributor). Everyone in the organisation
may read classifications."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.organizations.permissions import can_edit_records, can_view_organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem


def can_view_classifications(user: User | AnonymousUser, ai_system: AISystem) -> bool:
    return can_view_organization(user, ai_system.organization)


def can_classify_ai_system(user: User | AnonymousUser, ai_system: AISystem) -> bool:
    return can_edit_records(user, ai_system.organization)
