"""/api/v1/acknowledgements: campaigns (7.3), their requests, my pending ones, acknowledge and remind."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.acknowledgements import actions, queries
from aims.acknowledgements import schemas as s
from aims.acknowledgements.access import get_campaign_for_user, get_request_for_user
from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import DocumentVersion
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_manage_members
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["acknowledgements"])


def _counted(campaign: Campaign) -> Campaign:
    """The campaign again, with its counts (after an action changed it)."""
    records = Campaign.objects.with_counts().select_related("organization", "version__document", "started_by")
    return records.get(pk=campaign.pk)


@router.get("/campaigns", response=list[s.CampaignOut], summary="Campaigns with acknowledged / total counts")
@paginate(PagePagination)
def campaign_list(request: AuthedRequest, filters: Query[s.CampaignQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.campaigns_for(organization, state=filters.state, q=filters.q.strip())


@router.post("/campaigns", response={201: s.CampaignOut}, summary="Start a campaign for a published version")
def campaign_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.CampaignIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_manage_members)
    version = (
        DocumentVersion.objects.select_related("document__organization")
        .filter(pk=payload.version, document__organization=organization)
        .first()
    )
    if version is None:
        raise ValidationError({"version": "No such document version in this organisation."})
    campaign = actions.start_campaign(
        actor=request.user, version=version, due_on=payload.due_on, message=payload.message
    )
    return Status(201, _counted(campaign))


@router.get("/campaigns/{campaign_id}", response=s.CampaignOut, summary="One campaign with its counts")
def campaign_detail(request: AuthedRequest, campaign_id: int) -> Campaign:
    return get_campaign_for_user(request.user, None, campaign_id)


@router.get(
    "/campaigns/{campaign_id}/requests",
    response=list[s.RequestOut],
    summary="Who has and who has not acknowledged",
)
@paginate(PagePagination)
def request_list(request: AuthedRequest, campaign_id: int, filters: Query[s.RequestQuery]) -> Any:
    campaign = get_campaign_for_user(request.user, None, campaign_id)
    return queries.requests_of(campaign, state=filters.state)


@router.post("/campaigns/{campaign_id}/remind", response=s.RemindOut, summary="E-mail pending recipients")
def campaign_remind(request: AuthedRequest, campaign_id: int) -> dict[str, int]:
    campaign = get_campaign_for_user(request.user, None, campaign_id, can_manage_members)
    return {"sent": actions.send_reminders(actor=request.user, campaign=campaign)}


@router.post("/campaigns/{campaign_id}/close", response=s.CampaignOut, summary="Close a campaign")
def campaign_close(request: AuthedRequest, campaign_id: int) -> Campaign:
    campaign = get_campaign_for_user(request.user, None, campaign_id, can_manage_members)
    actions.close_campaign(actor=request.user, campaign=campaign)
    return _counted(campaign)


@router.get("/mine", response=list[s.PendingOut], summary="The versions I still have to acknowledge")
@paginate(PagePagination)
def my_pending(request: AuthedRequest, filters: Query[s.MineQuery]) -> Any:
    organization = (
        get_organization_for_user(request.user, filters.organization) if filters.organization else None
    )
    return queries.pending_for(request.user, organization)


@router.post(
    "/requests/{request_id}/acknowledge", response=s.RequestOut, summary="I have read and understood it"
)
def request_acknowledge(request: AuthedRequest, request_id: int) -> AcknowledgementRequest:
    ack = get_request_for_user(request.user, None, request_id)
    return actions.acknowledge_version(actor=request.user, request=ack)
