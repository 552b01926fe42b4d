"""/api/v1/changes: planned changes to the AI management system and its AI systems (6.3, 8.1). Writes call
the actions; AI systems are named by reference and requesters by email."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.changes import actions, permissions, queries
from aims.changes import schemas as s
from aims.changes.access import get_change_for_user
from aims.changes.models import PlannedChange
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["changes"])


def _system(organization: Organization, reference: str) -> AISystem:
    found = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"ai_systems": f"No AI system {reference} in {organization.name}."})
    return found


def _requester(organization: Organization, email: str) -> User:
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({"requester": f"No member {email} in {organization.name}."})
    return found


def _split(
    organization: Organization, values: dict[str, Any]
) -> tuple[dict[str, Any], list[AISystem] | None]:
    references = values.pop("ai_systems", None)
    systems = [_system(organization, r) for r in references] if references is not None else None
    if "requester" in values:
        email = values.pop("requester")
        if email:
            values["requester"] = _requester(organization, email)
    return values, systems


def fresh(change: PlannedChange) -> PlannedChange:
    return (
        PlannedChange.objects.select_related("organization", "requester", "decided_by")
        .prefetch_related("ai_systems", "marked_risks", "marked_assessments")
        .get(pk=change.pk)
    )


@router.get("", response=list[s.ChangeOut], summary="The planned changes (6.3, 8.1), filtered")
@paginate(PagePagination)
def change_list(request: AuthedRequest, filters: Query[s.ChangeQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    system = _system(organization, filters.ai_system) if filters.ai_system else None
    wanted = queries.ChangeFilter(
        q=filters.q.strip(),
        ai_system_id=system.pk if system else None,
        status=filters.status or "",
        kind=filters.kind or "",
        risk_level=filters.risk_level or "",
    )
    rows = queries.changes_for(organization, wanted).select_related("organization", "decided_by")
    return rows.prefetch_related("marked_risks", "marked_assessments")


@router.post("", response={201: s.ChangeOut}, summary="Plan a change (a draft)")
def change_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ChangeIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_changes
    )
    values, systems = _split(organization, payload.model_dump())
    created = actions.plan_change(
        actor=request.user, organization=organization, ai_systems=systems or [], **values
    )
    return Status(201, fresh(created))


@router.get("/{change_id}", response=s.ChangeOut, summary="One planned change")
def change_detail(request: AuthedRequest, change_id: int) -> PlannedChange:
    return fresh(get_change_for_user(request.user, None, change_id))


@router.patch("/{change_id}", response=s.ChangeOut, summary="Edit a draft")
def change_update(request: AuthedRequest, change_id: int, payload: s.ChangePatch) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_edit_changes)
    values, systems = _split(change.organization, payload.model_dump(exclude_unset=True))
    actions.update_change(actor=request.user, change=change, changes=values, ai_systems=systems)
    return fresh(change)


@router.post("/{change_id}/submit", response=s.ChangeOut, summary="Submit for approval")
def change_submit(request: AuthedRequest, change_id: int) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_edit_changes)
    return fresh(actions.submit_change(actor=request.user, change=change))


@router.post(
    "/{change_id}/approve",
    response=s.ChangeOut,
    summary="Approve (owners, managers; not the requester); marks risks and impact assessments due",
)
def change_approve(request: AuthedRequest, change_id: int, payload: s.DecisionIn) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_decide_changes)
    return fresh(actions.approve_change(actor=request.user, change=change, note=payload.note))


@router.post("/{change_id}/reject", response=s.ChangeOut, summary="Reject, saying why (owners, managers)")
def change_reject(request: AuthedRequest, change_id: int, payload: s.RejectIn) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_decide_changes)
    return fresh(actions.reject_change(actor=request.user, change=change, reason=payload.reason))


@router.post("/{change_id}/implement", response=s.ChangeOut, summary="Record that the change was made")
def change_implement(request: AuthedRequest, change_id: int, payload: s.ImplementIn) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_edit_changes)
    done = actions.implement_change(
        actor=request.user, change=change, implemented_on=payload.implemented_on, note=payload.note
    )
    return fresh(done)


@router.post("/{change_id}/cancel", response=s.ChangeOut, summary="Cancel a change not made")
def change_cancel(request: AuthedRequest, change_id: int, payload: s.CancelIn) -> Any:
    change = get_change_for_user(request.user, None, change_id, permissions.can_edit_changes)
    return fresh(actions.cancel_change(actor=request.user, change=change, reason=payload.reason))
