"""Reading acknowledgement campaigns: lists with their counts, who has and has not, and what I must read.

Counts come from one grouped query (`Campaign.objects.with_counts()`), never one count per row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import DocumentVersion
from aims.organizations.models import Organization
from aims.organizations.permissions import can_manage_members

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from aims.accounts.models import User

CAMPAIGN_STATES = {"open": "Open", "closed": "Closed", "all": "All"}
REQUEST_STATES = {"pending": "Not yet", "acknowledged": "Acknowledged", "all": "Everyone"}


def campaigns_for(organization: Organization, *, state: str = "open", q: str = "") -> QuerySet[Campaign]:
    campaigns = Campaign.objects.filter(organization=organization)
    if state == "open":
        campaigns = campaigns.open()
    elif state == "closed":
        campaigns = campaigns.closed()
    if q:
        campaigns = campaigns.filter(
            Q(version__document__title__icontains=q) | Q(version__document__reference__icontains=q)
        )
    return (
        campaigns.with_counts()
        .select_related("organization", "version__document", "started_by", "closed_by")
        .order_by("-started_at", "-pk")
    )


def requests_of(campaign: Campaign, *, state: str = "all") -> QuerySet[AcknowledgementRequest]:
    requests = campaign.requests.all()
    if state == "pending":
        requests = requests.filter(acknowledged_at__isnull=True)
    elif state == "acknowledged":
        requests = requests.filter(acknowledged_at__isnull=False)
    return requests.select_related("recipient").order_by("acknowledged_at", "recipient__email")


def pending_for(user: User, organization: Organization | None = None) -> QuerySet[AcknowledgementRequest]:
    """The versions the user still has to acknowledge, in open campaigns, oldest first."""
    requests = AcknowledgementRequest.objects.filter(
        recipient=user, acknowledged_at__isnull=True, campaign__closed_at__isnull=True
    )
    if organization is not None:
        requests = requests.filter(campaign__organization=organization)
    return requests.select_related(
        "campaign__organization", "campaign__version__document", "recipient"
    ).order_by("campaign__started_at", "pk")


def acknowledged_by(user: User, organization: Organization) -> QuerySet[AcknowledgementRequest]:
    return (
        AcknowledgementRequest.objects.filter(
            recipient=user, acknowledged_at__isnull=False, campaign__organization=organization
        )
        .select_related("campaign__organization", "campaign__version__document", "recipient")
        .order_by("-acknowledged_at", "-pk")
    )


@dataclass
class VersionPanel:
    """Acknowledgements of one version, for the document pages: the open campaign's counts, past ones."""

    version: DocumentVersion
    campaigns: list[Campaign] = field(default_factory=list)
    can_start: bool = False

    @property
    def open_campaign(self) -> Campaign | None:
        return next((c for c in self.campaigns if c.is_open), None)

    @property
    def latest(self) -> Campaign | None:
        return self.campaigns[0] if self.campaigns else None


def version_panel(version: DocumentVersion, user: User | AnonymousUser) -> VersionPanel:
    """Two queries: the version's campaigns with their counts, and the user's role."""
    campaigns = list(
        Campaign.objects.filter(version=version)
        .with_counts()
        .select_related("organization")
        .order_by("-started_at")[:10]
    )
    organization = version.document.organization
    can_start = (
        version.state == DocumentVersion.State.PUBLISHED
        and not any(c.is_open for c in campaigns)
        and can_manage_members(user, organization)
    )
    return VersionPanel(version=version, campaigns=campaigns, can_start=can_start)
