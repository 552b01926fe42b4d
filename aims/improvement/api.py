"""/api/v1/improvement: nonconformities, corrective actions and improvement opportunities (10.1, 10.2). Writes
call the actions; members are named by e-mail, incidents by reference and requirements by catalogue ref."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.improvement import actions, permissions, queries
from aims.improvement import schemas as s
from aims.improvement.access import (
    get_corrective_action,
    get_nonconformity_for_user,
    get_opportunity_for_user,
)
from aims.improvement.models import (
    ImprovementOpportunity,
    Nonconformity,
)
from aims.incidents.models import Incident
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["improvement"])
NC = "/nonconformities"
IMP = "/opportunities"


def _member(organization: Organization, email: str | None, field: str) -> User | None:
    if not email:
        return None
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({field: f"No member {email} in {organization.name}."})
    return found


def _requirement(ref: str | None) -> Any:
    if not ref:
        return None
    item = queries.requirement_by_ref(ref)
    if item is None:
        raise ValidationError({"requirement": f"No clause or control {ref} in ISO/IEC 42001."})
    return item


def _incident(organization: Organization, reference: str | None) -> Incident | None:
    if not reference:
        return None
    found = Incident.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"incident": f"No incident {reference} in {organization.name}."})
    return found


def _resolved(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    if "owner" in values:
        values["owner"] = _member(organization, values["owner"], "owner")
    if "requirement" in values:
        values["requirement"] = _requirement(values["requirement"])
    return values


def _fresh(nc: Nonconformity) -> Nonconformity:
    return queries.in_full(nc.pk)


def _editable(request: AuthedRequest, nc_id: int) -> Nonconformity:
    return get_nonconformity_for_user(request.user, None, nc_id, permissions.can_edit_nonconformities)


def _decidable(request: AuthedRequest, nc_id: int) -> Nonconformity:
    return get_nonconformity_for_user(request.user, None, nc_id, permissions.can_decide_nonconformities)


@router.get(NC, response=list[s.NonconformitySummaryOut], summary="The nonconformities (10.2), filtered")
@paginate(PagePagination)
def nonconformity_list(request: AuthedRequest, filters: Query[s.NonconformityQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    owner = _member(organization, filters.owner, "owner") if filters.owner else None
    wanted = queries.NonconformityFilter(
        q=filters.q.strip(),
        status=filters.status or "",
        source=filters.source or "",
        grade=filters.grade or "",
        overdue=filters.overdue,
        owner_id=owner.pk if owner else None,
    )
    return queries.nonconformities_for(organization, wanted).select_related("organization")


@router.post(NC, response={201: s.NonconformityOut}, summary="Raise a nonconformity")
def nonconformity_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.NonconformityIn
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_nonconformities
    )
    values = _resolved(organization, payload.model_dump())
    values["incident"] = _incident(organization, values["incident"])
    created = actions.raise_nonconformity(actor=request.user, organization=organization, **values)
    return Status(201, _fresh(created))


@router.get(
    NC + "/{nc_id}", response=s.NonconformityOut, summary="One nonconformity, with its actions and checks"
)
def nonconformity_detail(request: AuthedRequest, nc_id: int) -> Nonconformity:
    return _fresh(get_nonconformity_for_user(request.user, None, nc_id))


@router.patch(NC + "/{nc_id}", response=s.NonconformityOut, summary="Change what the nonconformity says")
def nonconformity_update(request: AuthedRequest, nc_id: int, payload: s.NonconformityPatch) -> Any:
    nc = _editable(request, nc_id)
    values = _resolved(nc.organization, payload.model_dump(exclude_unset=True))
    actions.update_nonconformity(actor=request.user, nonconformity=nc, changes=values)
    return _fresh(nc)


@router.post(
    NC + "/{nc_id}/correction", response=s.NonconformityOut, summary="Record the immediate correction"
)
def nonconformity_correction(request: AuthedRequest, nc_id: int, payload: s.CorrectionIn) -> Any:
    nc = _editable(request, nc_id)
    who = _member(nc.organization, payload.corrected_by, "corrected_by")
    actions.record_correction(
        actor=request.user,
        nonconformity=nc,
        correction=payload.correction,
        corrected_on=payload.corrected_on,
        corrected_by=who,
    )
    return _fresh(nc)


@router.post(NC + "/{nc_id}/root-cause", response=s.NonconformityOut, summary="Record the root cause")
def nonconformity_cause(request: AuthedRequest, nc_id: int, payload: s.RootCauseIn) -> Any:
    nc = _editable(request, nc_id)
    actions.record_root_cause(actor=request.user, nonconformity=nc, **payload.model_dump())
    return _fresh(nc)


@router.post(
    NC + "/{nc_id}/actions", response={201: s.CorrectiveActionOut}, summary="Add a corrective action"
)
def action_create(request: AuthedRequest, nc_id: int, payload: s.ActionIn) -> Any:
    nc = _editable(request, nc_id)
    values = _resolved(nc.organization, payload.model_dump())
    return Status(201, actions.add_corrective_action(actor=request.user, nonconformity=nc, **values))


@router.patch(NC + "/{nc_id}/actions/{action_id}", response=s.CorrectiveActionOut, summary="Change an action")
def action_update(request: AuthedRequest, nc_id: int, action_id: int, payload: s.ActionPatch) -> Any:
    nc = _editable(request, nc_id)
    action = get_corrective_action(nc, action_id)
    values = _resolved(nc.organization, payload.model_dump(exclude_unset=True))
    return actions.update_corrective_action(actor=request.user, action=action, changes=values)


@router.post(
    NC + "/{nc_id}/actions/{action_id}/complete",
    response=s.CorrectiveActionOut,
    summary="Mark an action done",
)
def action_complete(request: AuthedRequest, nc_id: int, action_id: int, payload: s.CompleteActionIn) -> Any:
    nc = _editable(request, nc_id)
    action = get_corrective_action(nc, action_id)
    return actions.complete_corrective_action(
        actor=request.user, action=action, done_on=payload.done_on, notes=payload.notes
    )


@router.post(
    NC + "/{nc_id}/actions/{action_id}/cancel", response=s.CorrectiveActionOut, summary="Cancel an action"
)
def action_cancel(request: AuthedRequest, nc_id: int, action_id: int, payload: s.ReasonIn) -> Any:
    nc = _editable(request, nc_id)
    action = get_corrective_action(nc, action_id)
    return actions.cancel_corrective_action(actor=request.user, action=action, reason=payload.reason)


@router.post(
    NC + "/{nc_id}/request-verification", response=s.NonconformityOut, summary="Ask for verification"
)
def nonconformity_request_verification(request: AuthedRequest, nc_id: int) -> Any:
    nc = _editable(request, nc_id)
    return _fresh(actions.request_verification(actor=request.user, nonconformity=nc))


@router.post(
    NC + "/{nc_id}/verify",
    response=s.NonconformityOut,
    summary="Verify effectiveness (owners, managers independent of it)",
)
def nonconformity_verify(request: AuthedRequest, nc_id: int, payload: s.VerifyIn) -> Any:
    nc = _decidable(request, nc_id)
    actions.verify_effectiveness(
        actor=request.user,
        nonconformity=nc,
        outcome=payload.outcome,
        notes=payload.notes,
        checked_on=payload.checked_on,
    )
    return _fresh(nc)


@router.post(NC + "/{nc_id}/close", response=s.NonconformityOut, summary="Close, once verified effective")
def nonconformity_close(request: AuthedRequest, nc_id: int) -> Any:
    nc = _decidable(request, nc_id)
    return _fresh(actions.close_nonconformity(actor=request.user, nonconformity=nc))


@router.post(NC + "/{nc_id}/reopen", response=s.NonconformityOut, summary="Reopen a closed nonconformity")
def nonconformity_reopen(request: AuthedRequest, nc_id: int, payload: s.ReasonIn) -> Any:
    nc = _decidable(request, nc_id)
    return _fresh(actions.reopen_nonconformity(actor=request.user, nonconformity=nc, reason=payload.reason))


def _opportunity(item: ImprovementOpportunity) -> ImprovementOpportunity:
    return ImprovementOpportunity.objects.select_related("organization", "owner").get(pk=item.pk)


@router.get(IMP, response=list[s.OpportunityOut], summary="The improvement opportunities (10.1), filtered")
@paginate(PagePagination)
def opportunity_list(request: AuthedRequest, filters: Query[s.OpportunityQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    wanted = queries.OpportunityFilter(
        q=filters.q.strip(), status=filters.status or "", source=filters.source or ""
    )
    return queries.opportunities_for(organization, wanted).select_related("organization")


@router.post(IMP, response={201: s.OpportunityOut}, summary="Record an improvement opportunity")
def opportunity_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.OpportunityIn
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_opportunities
    )
    values = _resolved(organization, payload.model_dump())
    created = actions.record_opportunity(actor=request.user, organization=organization, **values)
    return Status(201, _opportunity(created))


@router.get(IMP + "/{item_id}", response=s.OpportunityOut, summary="One improvement opportunity")
def opportunity_detail(request: AuthedRequest, item_id: int) -> ImprovementOpportunity:
    return get_opportunity_for_user(request.user, None, item_id)


@router.patch(IMP + "/{item_id}", response=s.OpportunityOut, summary="Change what the opportunity says")
def opportunity_update(request: AuthedRequest, item_id: int, payload: s.OpportunityPatch) -> Any:
    item = get_opportunity_for_user(request.user, None, item_id, permissions.can_edit_opportunities)
    values = _resolved(item.organization, payload.model_dump(exclude_unset=True))
    return _opportunity(actions.update_opportunity(actor=request.user, opportunity=item, changes=values))


@router.post(
    IMP + "/{item_id}/decide", response=s.OpportunityOut, summary="Accept or decline (owners, managers)"
)
def opportunity_decide(request: AuthedRequest, item_id: int, payload: s.DecideIn) -> Any:
    item = get_opportunity_for_user(request.user, None, item_id, permissions.can_decide_opportunities)
    done = actions.decide_opportunity(
        actor=request.user, opportunity=item, decision=payload.decision, reason=payload.reason
    )
    return _opportunity(done)


@router.post(IMP + "/{item_id}/start", response=s.OpportunityOut, summary="Start an accepted opportunity")
def opportunity_start(request: AuthedRequest, item_id: int) -> Any:
    item = get_opportunity_for_user(request.user, None, item_id, permissions.can_edit_opportunities)
    return _opportunity(actions.start_opportunity(actor=request.user, opportunity=item))


@router.post(
    IMP + "/{item_id}/complete", response=s.OpportunityOut, summary="Mark done, with what came of it"
)
def opportunity_complete(request: AuthedRequest, item_id: int, payload: s.CompleteOpportunityIn) -> Any:
    item = get_opportunity_for_user(request.user, None, item_id, permissions.can_edit_opportunities)
    done = actions.complete_opportunity(
        actor=request.user, opportunity=item, outcome=payload.outcome, completed_on=payload.completed_on
    )
    return _opportunity(done)
