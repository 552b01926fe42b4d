"""/api/v1/risks: the risk criteria, the register, its transitions and treatment actions. Writes call the
actions; records are named by reference (AI systems, controls, catalogue refs) and people by e-mail."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.actions import member_by_email
from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.catalog.queries import get_framework
from aims.controls.models import Control, ensure_annex_a_controls
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.risks import actions, permissions, queries
from aims.risks import schemas as s
from aims.risks.access import get_action_for_user, get_criteria_for_user, get_risk_for_user
from aims.risks.levels import spec_from_json
from aims.risks.models import Risk, RiskCriteria, TreatmentAction
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["risks"])


def _system(organization: Organization, reference: str | None) -> AISystem | None:
    if not reference:
        return None
    found = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"ai_system": f"No AI system {reference} in {organization.name}."})
    return found


def _items(refs: list[str], field: str, **kind: str) -> list[CatalogItem]:
    found = list(CatalogItem.objects.filter(framework=get_framework(), ref__in=refs, **kind))
    missing = set(refs) - {item.ref for item in found}
    if missing:
        raise ValidationError({field: f"Not in the catalogue as expected: {', '.join(sorted(missing))}."})
    return found


def _risk_values(organization: Organization, values: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """AI system, source and owner by reference or e-mail, as the actions take them; and the objectives."""
    objectives = values.pop("objectives", None)
    if objectives is not None:
        objectives = _items(objectives, "objectives", kind="objective", annex="C")
    if "ai_system" in values:
        values["ai_system"] = _system(organization, values["ai_system"])
    if "risk_source" in values:
        ref = values["risk_source"]
        values["risk_source"] = _items([ref], "risk_source", kind="risk_source")[0] if ref else None
    if "owner" in values:
        values["owner"] = member_by_email(organization, values["owner"]) if values["owner"] else None
    return values, objectives


def _detailed(records: Any) -> Any:
    related = (
        "organization",
        "ai_system",
        "owner",
        "risk_source",
        "criteria",
        "residual_criteria",
        "accepted_by",
    )
    return queries.with_details(records.select_related(*related))


def _fresh(risk: Risk) -> Risk:
    found: Risk = _detailed(Risk.objects.filter(pk=risk.pk)).get()
    return found


# --- criteria ---


@router.get("/criteria", response=list[s.CriteriaOut], summary="Versions of the risk criteria (6.1.1)")
@paginate(PagePagination)
def criteria_list(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization)
    actions.ensure_default_criteria(organization)
    records = RiskCriteria.objects.filter(organization=organization).select_related("approved_by")
    return records.prefetch_related("scale_points", "levels").order_by("-version")


@router.get("/criteria/current", response=s.CriteriaOut, summary="The risk criteria in force")
def criteria_current(request: AuthedRequest, target: Query[s.OrganizationParam]) -> RiskCriteria:
    organization = get_organization_for_user(request.user, target.organization)
    return actions.ensure_default_criteria(organization)


@router.post("/criteria", response={201: s.CriteriaOut}, summary="Draft a new version of the risk criteria")
def criteria_draft(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.CriteriaIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_draft_criteria
    )
    data = payload.model_dump()
    spec = spec_from_json(data)
    drafted = actions.draft_criteria(
        actor=request.user, organization=organization, spec=spec, notes=data["notes"]
    )
    return Status(201, drafted)


@router.post(
    "/criteria/{criteria_id}/approve", response=s.CriteriaOut, summary="Put a draft in force (owners)"
)
def criteria_approve(request: AuthedRequest, criteria_id: int) -> RiskCriteria:
    version = get_criteria_for_user(request.user, None, criteria_id, permissions.can_approve_criteria)
    return actions.approve_criteria(actor=request.user, criteria=version)


@router.get("/heat-map", response=s.HeatMapOut, summary="Counts of open risks per likelihood and consequence")
def heat_map(
    request: AuthedRequest, target: Query[s.OrganizationParam], residual: bool = False
) -> dict[str, Any]:
    organization = get_organization_for_user(request.user, target.organization)
    criteria = actions.ensure_default_criteria(organization)
    found = queries.heat_map(organization, residual, spec=criteria.spec())
    return {**found.__dict__, "criteria_version": criteria.version}


# --- the register ---


def _filter(organization: Organization, query: s.RiskQuery) -> queries.RiskFilter:
    system = _system(organization, query.ai_system) if query.ai_system not in (None, "", "-") else None
    owner = member_by_email(organization, query.owner) if query.owner else None
    source = _items([query.source], "source", kind="risk_source")[0] if query.source else None
    return queries.RiskFilter(
        q=query.q.strip(),
        status=query.status,
        kind=query.kind or "",
        ai_system_id=system.pk if system else None,
        organisation_wide=query.ai_system == "-",
        level=query.level or "",
        residual_level=query.residual_level or "",
        owner_id=owner.pk if owner else None,
        source_id=source.pk if source else None,
        due=query.due,
        likelihood=query.likelihood,
        consequence=query.consequence,
        residual=query.residual,
        sort=query.ordering,
    )


@router.get("", response=list[s.RiskOut], summary="The risk register (6.1.2), filtered and sorted")
@paginate(PagePagination)
def risk_list(request: AuthedRequest, filters: Query[s.RiskQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.with_details(queries.risks_for(organization, _filter(organization, filters)), organization)


@router.post("", response={201: s.RiskOut}, summary="Identify a risk or opportunity")
def risk_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.RiskIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_risks
    )
    values, objectives = _risk_values(organization, payload.model_dump())
    risk = actions.identify_risk(
        actor=request.user, organization=organization, objectives=objectives, **values
    )
    return Status(201, _fresh(risk))


@router.get("/{risk_id}", response=s.RiskOut, summary="One risk")
def risk_detail(request: AuthedRequest, risk_id: int) -> Risk:
    return _fresh(get_risk_for_user(request.user, None, risk_id))


@router.patch("/{risk_id}", response=s.RiskOut, summary="Change what a risk says")
def risk_update(request: AuthedRequest, risk_id: int, payload: s.RiskPatch) -> Risk:
    risk = get_risk_for_user(request.user, None, risk_id, permissions.can_edit_risks)
    values, objectives = _risk_values(risk.organization, payload.model_dump(exclude_unset=True))
    actions.update_risk(actor=request.user, risk=risk, changes=values, objectives=objectives)
    return _fresh(risk)


def _editable(request: AuthedRequest, risk_id: int) -> Risk:
    return get_risk_for_user(request.user, None, risk_id, permissions.can_edit_risks)


@router.post("/{risk_id}/assess", response=s.RiskOut, summary="Rate the inherent risk (8.2)")
def risk_assess(request: AuthedRequest, risk_id: int, payload: s.AssessIn) -> Risk:
    risk = _editable(request, risk_id)
    actions.assess_risk(actor=request.user, risk=risk, **payload.model_dump())
    return _fresh(risk)


def _controls(organization: Organization, references: list[str]) -> list[Control]:
    if not references:
        return []
    ensure_annex_a_controls(organization)
    found = list(Control.objects.filter(organization=organization, reference__in=references))
    missing = set(references) - {control.reference for control in found}
    if missing:
        raise ValidationError(
            {"controls": f"No control {', '.join(sorted(missing))} in {organization.name}."}
        )
    return found


@router.post("/{risk_id}/treat", response=s.RiskOut, summary="Plan the treatment and rate the residual risk")
def risk_treat(request: AuthedRequest, risk_id: int, payload: s.TreatIn) -> Risk:
    risk = _editable(request, risk_id)
    values = payload.model_dump()
    values["controls"] = _controls(risk.organization, values["controls"])
    actions.plan_treatment(actor=request.user, risk=risk, **values)
    return _fresh(risk)


@router.post(
    "/{risk_id}/accept", response=s.RiskOut, summary="Accept the residual risk, as the criteria allow"
)
def risk_accept(request: AuthedRequest, risk_id: int, payload: s.AcceptIn) -> Risk:
    risk = get_risk_for_user(request.user, None, risk_id, permissions.can_edit_risks)
    actions.accept_risk(actor=request.user, risk=risk, **payload.model_dump())
    return _fresh(risk)


@router.post("/{risk_id}/close", response=s.RiskOut, summary="Close a risk (owners and managers)")
def risk_close(request: AuthedRequest, risk_id: int, payload: s.CloseIn) -> Risk:
    risk = get_risk_for_user(request.user, None, risk_id, permissions.can_close_risks)
    actions.close_risk(actor=request.user, risk=risk, reason=payload.reason)
    return _fresh(risk)


@router.post("/{risk_id}/reopen", response=s.RiskOut, summary="Reopen a closed risk")
def risk_reopen(request: AuthedRequest, risk_id: int, payload: s.ReopenIn) -> Risk:
    risk = _editable(request, risk_id)
    actions.reopen_risk(actor=request.user, risk=risk, reason=payload.reason)
    return _fresh(risk)


@router.get(
    "/{risk_id}/actions", response=list[s.ActionOut], summary="The actions of a risk's treatment plan"
)
@paginate(PagePagination)
def action_list(request: AuthedRequest, risk_id: int) -> Any:
    risk = get_risk_for_user(request.user, None, risk_id)
    return (
        TreatmentAction.objects.filter(risk=risk).select_related("owner").order_by("status", "due_on", "pk")
    )


@router.post("/{risk_id}/actions", response={201: s.ActionOut}, summary="Add an action to the treatment plan")
def action_create(request: AuthedRequest, risk_id: int, payload: s.ActionIn) -> Any:
    risk = _editable(request, risk_id)
    values = payload.model_dump()
    values["owner"] = member_by_email(risk.organization, values["owner"]) if values["owner"] else None
    return Status(201, actions.add_treatment_action(actor=request.user, risk=risk, **values))


@router.post("/{risk_id}/actions/{action_id}/complete", response=s.ActionOut, summary="Mark an action done")
def action_complete(
    request: AuthedRequest, risk_id: int, action_id: int, payload: s.CompleteIn
) -> TreatmentAction:
    action = get_action_for_user(request.user, None, action_id, permissions.can_edit_risks)
    if action.risk_id != risk_id:
        raise Http404("No such action.")
    return actions.complete_treatment_action(actor=request.user, action=action, outcome=payload.outcome)
