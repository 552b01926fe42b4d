"""/api/v1/ai-systems: the AI system inventory. Every write calls the same action as the HTML pages."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems import actions, permissions, queries
from aims.ai_systems.access import get_ai_system_for_user
from aims.ai_systems.models import AISystem
from aims.ai_systems.schemas import (
    AISystemIn,
    AISystemOut,
    AISystemPatch,
    AISystemQuery,
    ArchiveIn,
    OrganizationParam,
    StageChangeOut,
    StageIn,
)
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["ai-systems"])


def _with_owner(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    """The API names the owner by e-mail; the actions take the person."""
    if values.get("owner"):
        values["owner"] = actions.member_by_email(organization, values["owner"])
    return values


@router.get("", response=list[AISystemOut], summary="AI systems, filtered and sorted")
@paginate(PagePagination)
def system_list(request: AuthedRequest, filters: Query[AISystemQuery]) -> Any:
    wanted = filters.system_filter()
    if filters.organization:
        organization = get_organization_for_user(request.user, filters.organization)
        return queries.systems_for(organization, wanted)
    return queries.systems_visible_to(request.user, wanted)


@router.post("", response={201: AISystemOut}, summary="Register an AI system")
def system_create(request: AuthedRequest, target: Query[OrganizationParam], payload: AISystemIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_ai_systems
    )
    values = _with_owner(organization, payload.model_dump())
    system = actions.register_ai_system(actor=request.user, organization=organization, **values)
    return Status(201, system)


@router.get("/{system_id}", response=AISystemOut, summary="One AI system")
def system_detail(request: AuthedRequest, system_id: int) -> AISystem:
    return get_ai_system_for_user(request.user, None, system_id)


@router.patch("/{system_id}", response=AISystemOut, summary="Change an AI system's description")
def system_update(request: AuthedRequest, system_id: int, payload: AISystemPatch) -> AISystem:
    system = get_ai_system_for_user(request.user, None, system_id, permissions.can_edit_ai_systems)
    changes = _with_owner(system.organization, payload.model_dump(exclude_unset=True))
    return actions.update_ai_system(actor=request.user, system=system, changes=changes)


@router.post(
    "/{system_id}/stage",
    response=AISystemOut,
    summary="Move an AI system to another life-cycle stage",
    description="Into deployment or retirement only an owner or manager may move it; they are recorded as "
    "approving the move. Moving to the stage it is in answers 409.",
)
def system_stage_change(request: AuthedRequest, system_id: int, payload: StageIn) -> AISystem:
    system = get_ai_system_for_user(request.user, None, system_id, permissions.can_edit_ai_systems)
    actions.change_lifecycle_stage(actor=request.user, system=system, stage=payload.stage, note=payload.note)
    return system


@router.get(
    "/{system_id}/stage-changes", response=list[StageChangeOut], summary="An AI system's stage history"
)
@paginate(PagePagination)
def stage_change_list(request: AuthedRequest, system_id: int) -> Any:
    system = get_ai_system_for_user(request.user, None, system_id)
    return system.stage_changes.select_related("changed_by", "approved_by").order_by("-changed_at", "-pk")


@router.post("/{system_id}/archive", response=AISystemOut, summary="Archive an AI system")
def system_archive(request: AuthedRequest, system_id: int, payload: ArchiveIn | None = None) -> AISystem:
    system = get_ai_system_for_user(request.user, None, system_id, permissions.can_edit_ai_systems)
    reason = payload.reason if payload else ""
    return actions.archive_ai_system(actor=request.user, system=system, reason=reason)


@router.post("/{system_id}/restore", response=AISystemOut, summary="Restore an archived AI system")
def system_restore(request: AuthedRequest, system_id: int) -> AISystem:
    system = get_ai_system_for_user(request.user, None, system_id, permissions.can_edit_ai_systems)
    return actions.restore_ai_system(actor=request.user, system=system)
