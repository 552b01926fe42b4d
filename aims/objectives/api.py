"""/api/v1/objectives: measurable AI objectives and the plans to reach them (6.2). Writes call the actions;
owners are named by email, metrics by reference and Annex C objectives by ID."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.catalog.models import CatalogItem
from aims.monitoring.models import Metric
from aims.objectives import actions, permissions, queries
from aims.objectives import schemas as s
from aims.objectives.access import get_objective_for_user, get_plan_item
from aims.objectives.forms import annex_c_items
from aims.objectives.models import Objective, ObjectivePlanItem
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["objectives"])


def _member(organization: Organization, email: str | None, field: str) -> User | None:
    if not email:
        return None
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({field: f"No member {email} in {organization.name}."})
    return found


def _annex_c(refs: list[str]) -> list[CatalogItem]:
    found = {i.ref.lower(): i for i in annex_c_items().filter(ref__in=[r.strip() for r in refs])}
    missing = [r for r in refs if r.strip().lower() not in found]
    if missing:
        raise ValidationError({"annex_c": f"Not an Annex C objective: {', '.join(missing)}."})
    return [found[r.strip().lower()] for r in refs]


def _resolved(
    organization: Organization, values: dict[str, Any]
) -> tuple[dict[str, Any], list[CatalogItem] | None]:
    refs = values.pop("annex_c", None)
    if "owner" in values:
        values["owner"] = _member(organization, values["owner"], "owner")
    if "metric" in values:
        ref = values["metric"]
        values["metric"] = (
            Metric.objects.filter(organization=organization, reference__iexact=ref).first() if ref else None
        )
        if ref and values["metric"] is None:
            raise ValidationError({"metric": f"No metric {ref} in {organization.name}."})
    if "serves_policy" in values:
        serves = values.pop("serves_policy")
        values["policy"] = AIPolicy.objects.filter(organization=organization).first() if serves else None
        if serves and values["policy"] is None:
            raise ValidationError({"serves_policy": "The organisation has no AI policy yet."})
    return values, (_annex_c(refs) if refs is not None else None)


def _fresh(objective: Objective) -> Objective:
    return (
        Objective.objects.select_related("organization", "owner", "metric")
        .prefetch_related("annex_c")
        .get(pk=objective.pk)
    )


@router.get("", response=list[s.ObjectiveOut], summary="The AI objectives (6.2), filtered")
@paginate(PagePagination)
def objective_list(request: AuthedRequest, filters: Query[s.ObjectiveQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    owner = _member(organization, filters.owner, "owner") if filters.owner else None
    wanted = queries.ObjectiveFilter(
        q=filters.q.strip(), status=filters.status or "", owner_id=owner.pk if owner else None
    )
    return (
        queries.objectives_for(organization, wanted)
        .select_related("organization")
        .prefetch_related("annex_c")
    )


@router.post("", response={201: s.ObjectiveOut}, summary="Set an AI objective (a draft)")
def objective_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ObjectiveIn
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_objectives
    )
    values, items = _resolved(organization, payload.model_dump())
    created = actions.create_objective(
        actor=request.user, organization=organization, annex_c=items or [], **values
    )
    return Status(201, _fresh(created))


@router.get("/{objective_id}", response=s.ObjectiveOut, summary="One objective, with its progress")
def objective_detail(request: AuthedRequest, objective_id: int) -> Objective:
    return _fresh(get_objective_for_user(request.user, None, objective_id))


@router.patch("/{objective_id}", response=s.ObjectiveOut, summary="Change what the objective says")
def objective_update(request: AuthedRequest, objective_id: int, payload: s.ObjectivePatch) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_edit_objectives)
    values, items = _resolved(objective.organization, payload.model_dump(exclude_unset=True))
    actions.update_objective(actor=request.user, objective=objective, changes=values, annex_c=items)
    return _fresh(objective)


@router.post("/{objective_id}/activate", response=s.ObjectiveOut, summary="Activate a draft objective")
def objective_activate(request: AuthedRequest, objective_id: int) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_edit_objectives)
    return _fresh(actions.activate_objective(actor=request.user, objective=objective))


@router.post(
    "/{objective_id}/outcome", response=s.ObjectiveOut, summary="Record the outcome (owners, managers)"
)
def objective_outcome(request: AuthedRequest, objective_id: int, payload: s.OutcomeIn) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_decide_objectives)
    done = actions.record_outcome(
        actor=request.user, objective=objective, achieved=payload.achieved, note=payload.note
    )
    return _fresh(done)


@router.post("/{objective_id}/withdraw", response=s.ObjectiveOut, summary="Withdraw (owners, managers)")
def objective_withdraw(request: AuthedRequest, objective_id: int, payload: s.WithdrawIn) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_decide_objectives)
    return _fresh(actions.withdraw_objective(actor=request.user, objective=objective, reason=payload.reason))


@router.get("/{objective_id}/plan", response=list[s.PlanItemOut], summary="The steps of the plan")
def plan_list(request: AuthedRequest, objective_id: int) -> list[ObjectivePlanItem]:
    return queries.plan(get_objective_for_user(request.user, None, objective_id))


@router.post("/{objective_id}/plan", response={201: s.PlanItemOut}, summary="Add a step to the plan")
def plan_create(request: AuthedRequest, objective_id: int, payload: s.PlanItemIn) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_edit_objectives)
    values = payload.model_dump()
    values["responsible"] = _member(objective.organization, values["responsible"], "responsible")
    return Status(201, actions.add_plan_item(actor=request.user, objective=objective, **values))


@router.patch("/{objective_id}/plan/{item_id}", response=s.PlanItemOut, summary="Change a step of the plan")
def plan_update(request: AuthedRequest, objective_id: int, item_id: int, payload: s.PlanItemPatch) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_edit_objectives)
    item = get_plan_item(objective, item_id)
    values = payload.model_dump(exclude_unset=True)
    if "responsible" in values:
        values["responsible"] = _member(objective.organization, values["responsible"], "responsible")
    return actions.update_plan_item(actor=request.user, item=item, changes=values)


@router.post("/{objective_id}/plan/{item_id}/complete", response=s.PlanItemOut, summary="Mark a step done")
def plan_complete(request: AuthedRequest, objective_id: int, item_id: int) -> Any:
    objective = get_objective_for_user(request.user, None, objective_id, permissions.can_edit_objectives)
    return actions.complete_plan_item(actor=request.user, item=get_plan_item(objective, item_id))
