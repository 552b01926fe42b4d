"""/api/v1/models: the model register (A.4.2, A.6.2.3). Every write calls the same action as the pages."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.components import actions, queries
from aims.components.access import get_ai_model_for_user, get_ai_system_for_user
from aims.components.api.common import systems_by_id
from aims.components.models import AIModel
from aims.components.schemas.ai_models import AIModelIn, AIModelOut, AIModelPatch, AIModelQuery
from aims.components.schemas.common import LinkIn, OrganizationParam
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["models"])


@router.get("/models", response=list[AIModelOut], summary="An organisation's models, filtered and sorted")
@paginate(PagePagination)
def model_list(request: AuthedRequest, filters: Query[AIModelQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    wanted = filters.component_filter(kind=filters.model_type)
    return queries.components(AIModel, organization, wanted).select_related("organization")


@router.post("/models", response={201: AIModelOut}, summary="Add a model to the register")
def model_create(request: AuthedRequest, target: Query[OrganizationParam], payload: AIModelIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    systems = systems_by_id(request.user, payload.ai_systems, "ai_systems")
    ai_model = actions.create_ai_model(
        actor=request.user, organization=organization, data=payload.action_data(), ai_systems=systems
    )
    return Status(201, ai_model)


@router.get("/models/{model_id}", response=AIModelOut, summary="One model")
def model_detail(request: AuthedRequest, model_id: int) -> Any:
    return get_ai_model_for_user(request.user, None, model_id)


@router.patch("/models/{model_id}", response=AIModelOut, summary="Change a model's record")
def model_update(request: AuthedRequest, model_id: int, payload: AIModelPatch) -> Any:
    ai_model = get_ai_model_for_user(request.user, None, model_id, require=can_edit_records)
    return actions.update_ai_model(actor=request.user, ai_model=ai_model, data=payload.action_data())


@router.post("/models/{model_id}/archive", response=AIModelOut, summary="Archive a model (kept on record)")
def model_archive(request: AuthedRequest, model_id: int) -> Any:
    ai_model = get_ai_model_for_user(request.user, None, model_id, require=can_edit_records)
    return actions.archive_ai_model(actor=request.user, ai_model=ai_model)


@router.post("/models/{model_id}/restore", response=AIModelOut, summary="Restore an archived model")
def model_restore(request: AuthedRequest, model_id: int) -> Any:
    ai_model = get_ai_model_for_user(request.user, None, model_id, require=can_edit_records)
    return actions.restore_ai_model(actor=request.user, ai_model=ai_model)


@router.post("/models/{model_id}/ai-systems", response=AIModelOut, summary="Link a model to an AI system")
def model_link(request: AuthedRequest, model_id: int, payload: LinkIn) -> Any:
    ai_model = get_ai_model_for_user(request.user, None, model_id, require=can_edit_records)
    [system] = systems_by_id(request.user, [payload.ai_system], "ai_system")
    return actions.link_component_to_system(actor=request.user, component=ai_model, ai_system=system)


@router.delete(
    "/models/{model_id}/ai-systems/{system_id}",
    response=AIModelOut,
    summary="Unlink a model from an AI system",
)
def model_unlink(request: AuthedRequest, model_id: int, system_id: int) -> Any:
    ai_model = get_ai_model_for_user(request.user, None, model_id, require=can_edit_records)
    system = get_ai_system_for_user(request.user, None, system_id)
    return actions.unlink_component_from_system(actor=request.user, component=ai_model, ai_system=system)
