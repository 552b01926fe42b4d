"""/api/v1/resources: the tooling and computing resource register (A.4.4, A.4.5).

Every write calls the same action as the pages."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.components import actions, queries
from aims.components.access import get_ai_system_for_user, get_resource_for_user
from aims.components.api.common import systems_by_id
from aims.components.models import Resource
from aims.components.schemas.common import LinkIn, OrganizationParam
from aims.components.schemas.resources import ResourceIn, ResourceOut, ResourcePatch, ResourceQuery
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["resources"])


@router.get(
    "/resources",
    response=list[ResourceOut],
    summary="An organisation's tooling and computing resources, filtered and sorted",
)
@paginate(PagePagination)
def resource_list(request: AuthedRequest, filters: Query[ResourceQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    wanted = filters.component_filter(kind=filters.kind, location=filters.location)
    return queries.components(Resource, organization, wanted).select_related("organization")


@router.post("/resources", response={201: ResourceOut}, summary="Add a resource to the register")
def resource_create(request: AuthedRequest, target: Query[OrganizationParam], payload: ResourceIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    systems = systems_by_id(request.user, payload.ai_systems, "ai_systems")
    resource = actions.create_resource(
        actor=request.user, organization=organization, data=payload.action_data(), ai_systems=systems
    )
    return Status(201, resource)


@router.get("/resources/{resource_id}", response=ResourceOut, summary="One resource")
def resource_detail(request: AuthedRequest, resource_id: int) -> Any:
    return get_resource_for_user(request.user, None, resource_id)


@router.patch("/resources/{resource_id}", response=ResourceOut, summary="Change a resource's record")
def resource_update(request: AuthedRequest, resource_id: int, payload: ResourcePatch) -> Any:
    resource = get_resource_for_user(request.user, None, resource_id, require=can_edit_records)
    return actions.update_resource(actor=request.user, resource=resource, data=payload.action_data())


@router.post(
    "/resources/{resource_id}/archive", response=ResourceOut, summary="Archive a resource (kept on record)"
)
def resource_archive(request: AuthedRequest, resource_id: int) -> Any:
    resource = get_resource_for_user(request.user, None, resource_id, require=can_edit_records)
    return actions.archive_resource(actor=request.user, resource=resource)


@router.post("/resources/{resource_id}/restore", response=ResourceOut, summary="Restore an archived resource")
def resource_restore(request: AuthedRequest, resource_id: int) -> Any:
    resource = get_resource_for_user(request.user, None, resource_id, require=can_edit_records)
    return actions.restore_resource(actor=request.user, resource=resource)


@router.post(
    "/resources/{resource_id}/ai-systems", response=ResourceOut, summary="Link a resource to an AI system"
)
def resource_link(request: AuthedRequest, resource_id: int, payload: LinkIn) -> Any:
    resource = get_resource_for_user(request.user, None, resource_id, require=can_edit_records)
    [system] = systems_by_id(request.user, [payload.ai_system], "ai_system")
    return actions.link_component_to_system(actor=request.user, component=resource, ai_system=system)


@router.delete(
    "/resources/{resource_id}/ai-systems/{system_id}",
    response=ResourceOut,
    summary="Unlink a resource from an AI system",
)
def resource_unlink(request: AuthedRequest, resource_id: int, system_id: int) -> Any:
    resource = get_resource_for_user(request.user, None, resource_id, require=can_edit_records)
    system = get_ai_system_for_user(request.user, None, system_id)
    return actions.unlink_component_from_system(actor=request.user, component=resource, ai_system=system)
