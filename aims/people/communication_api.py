"""/api/v1/people/communications/plan and /log (7.4): the same actions as the pages."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.organizations import permissions as org_permissions
from aims.organizations.access import get_organization_for_user, member_organizations
from aims.organizations.models import Organization
from aims.people import actions
from aims.people import communication as com
from aims.people.models import CommunicationPlanItem
from aims.people.schemas import (
    LogIn,
    LogOut,
    LogQuery,
    OrganizationParam,
    PlanItemIn,
    PlanItemOut,
    PlanItemPatch,
    PlanQuery,
)
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["people"])


def _with_communicator(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    if values.get("communicator"):
        values["communicator"] = actions.member_by_email(organization, values["communicator"], "communicator")
    elif "communicator" in values:
        values["communicator"] = None
    return values


@router.get("/communications/plan", response=list[PlanItemOut], summary="Communication plan (7.4)")
@paginate(PagePagination)
def plan_list(request: AuthedRequest, filters: Query[PlanQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return com.plan_for(organization, filters.q.strip(), filters.channel or "", filters.sort)


@router.post("/communications/plan", response={201: PlanItemOut}, summary="Add to the communication plan")
def plan_create(request: AuthedRequest, where: Query[OrganizationParam], payload: PlanItemIn) -> Any:
    organization = get_organization_for_user(
        request.user, where.organization, require=org_permissions.can_edit_records
    )
    values = _with_communicator(organization, payload.dict())
    return Status(201, actions.add_plan_item(actor=request.user, organization=organization, **values))


@router.patch("/communications/plan/{item_id}", response=PlanItemOut, summary="Change a plan item")
def plan_update(request: AuthedRequest, item_id: int, payload: PlanItemPatch) -> Any:
    item = (
        CommunicationPlanItem.objects.select_related("organization", "communicator")
        .filter(pk=item_id, organization__in=member_organizations(request.user))
        .first()
    )
    if item is None:
        raise Http404("No such plan item.")
    changes = _with_communicator(item.organization, payload.dict(exclude_unset=True))
    return actions.update_plan_item(actor=request.user, item=item, changes=changes)


@router.get("/communications/log", response=list[LogOut], summary="Communication log (7.4)")
@paginate(PagePagination)
def log_list(request: AuthedRequest, filters: Query[LogQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return com.log_for(organization, filters.q.strip(), filters.plan_item, filters.sort)


@router.post("/communications/log", response={201: LogOut}, summary="Log a communication")
def log_create(request: AuthedRequest, where: Query[OrganizationParam], payload: LogIn) -> Any:
    organization = get_organization_for_user(
        request.user, where.organization, require=org_permissions.can_edit_records
    )
    values = payload.dict()
    if values["plan_item"] is not None:
        values["plan_item"] = CommunicationPlanItem.objects.filter(
            organization=organization, pk=values["plan_item"]
        ).first()
        if values["plan_item"] is None:
            raise ValidationError({"plan_item": "No such item in this organisation's plan."})
    return Status(201, actions.log_communication(actor=request.user, organization=organization, **values))
