"""Access helpers: a classification for a user, or 404 (missing or in another organisation alike), then 403
when the user's role does not allow what is asked. AI systems are fetched with
`aims.ai_systems.access.get_ai_system_for_user`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.eu_ai_act.models import Classification
from aims.organizations.access import Predicate
from aims.organizations.permissions import can_view_organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User


def get_classification_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Classification:
    """One classification with its system and organisation; with `org_slug` it must belong to that
    organisation, without (the API) to any of the user's."""
    classification = (
        Classification.objects.select_related("ai_system", "organization", "classified_by")
        .filter(pk=pk)
        .first()
    )
    if classification is None or not can_view_organization(user, classification.organization):
        raise Http404("No such classification.")
    if org_slug is not None and classification.organization.slug != org_slug:
        raise Http404("No such classification.")
    if perm is not None and not perm(user, classification.organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")
    classification.ai_system.organization = classification.organization
    return classification
