"""/api/v1/notices: the notices of the signed-in member (never anyone else's)."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate

from aims.organizations.access import get_organization_for_user
from aims.reminders import actions, queries
from aims.reminders import schemas as s
from aims.reminders.access import get_notice_for_user
from aims.reminders.models import Notice
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["notices"])


@router.get("", response=list[s.NoticeOut], summary="My notices in an organisation, unread first")
@paginate(PagePagination)
def notice_list(request: AuthedRequest, filters: Query[s.NoticeQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    rows = queries.notices_for(request.user, organization, unread_only=filters.unread)
    return rows.select_related("organization")


@router.post("/read-all", response=s.ReadAllOut, summary="Mark all my notices in an organisation read")
def notice_read_all(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization)
    return {"marked": actions.mark_all_notices_read(actor=request.user, organization=organization)}


@router.post("/{notice_id}/read", response=s.NoticeOut, summary="Mark one of my notices read")
def notice_read(request: AuthedRequest, notice_id: int) -> Notice:
    notice = get_notice_for_user(request.user, notice_id)
    return actions.mark_notice_read(actor=request.user, notice=notice)
