"""Fetching campaigns and requests for a user: 404 whether missing or in another organisation.

With `org_slug` (HTML pages) the record must be in that organisation; without it (the API, which addresses
records by id alone) it may be in any of the user's organisations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import Http404

from aims.accounts.models import User
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import DocumentVersion
from aims.organizations.access import (
    Predicate,
    get_organization_for_user,
    get_record_for_user,
    member_organizations,
)
from aims.organizations.models import Organization
from aims.organizations.permissions import can_view_organization

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def _organizations(user: User | AnonymousUser, org_slug: str | None, perm: Predicate | None) -> object:
    if org_slug is not None:
        return [get_organization_for_user(user, org_slug, require=perm)]
    if isinstance(user, User):
        return member_organizations(user)
    raise Http404("No such record.")


def _check(user: User | AnonymousUser, organization: Organization, perm: Predicate | None) -> None:
    if perm is not None and not perm(user, organization):
        raise PermissionDenied("Your role in this organisation does not allow this.")


def get_campaign_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> Campaign:
    campaigns = Campaign.objects.with_counts().select_related(
        "organization", "version__document", "started_by", "closed_by"
    )
    return get_record_for_user(campaigns, user, org_slug, pk, perm, missing="No such campaign.")


def get_request_for_user(user: User | AnonymousUser, org_slug: str | None, pk: int) -> AcknowledgementRequest:
    """Any member may reach a request of their organisation; only its recipient may act on it."""
    requests = AcknowledgementRequest.objects.select_related(
        "campaign__organization", "campaign__version__document", "recipient"
    )
    return get_record_for_user(
        requests,
        user,
        org_slug,
        pk,
        path="campaign__organization",
        missing="No such acknowledgement request.",
    )


def get_version_for_user(
    user: User | AnonymousUser, org_slug: str | None, pk: int, perm: Predicate | None = None
) -> DocumentVersion:
    organizations = _organizations(user, org_slug, perm)
    version = (
        DocumentVersion.objects.select_related("document__organization")
        .filter(pk=pk, document__organization__in=organizations)
        .first()
    )
    if version is None or not can_view_organization(user, version.document.organization):
        raise Http404("No such document version.")
    _check(user, version.document.organization, perm)
    return version
