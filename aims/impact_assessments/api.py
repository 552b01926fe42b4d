"""/api/v1/impact-assessments: the register, one assessment and its impacts, and the transitions. Writes
call the actions; AI systems and risks are named by reference."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.models import AISystem
from aims.impact_assessments import actions, permissions, queries
from aims.impact_assessments import schemas as s
from aims.impact_assessments.access import get_assessment_for_user, get_item_for_user
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.risks.models import Risk
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["impact assessments"])


def _system(organization: Organization, reference: str) -> AISystem:
    found = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"ai_system": f"No AI system {reference} in {organization.name}."})
    return found


def _values(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    if "ai_system" in values:
        if values["ai_system"] is None:
            raise ValidationError({"ai_system": "An assessment is always of one AI system."})
        values["ai_system"] = _system(organization, values["ai_system"])
    return values


def _fresh(assessment: ImpactAssessment) -> ImpactAssessment:
    related = ("organization", "ai_system", "author", "approved_by")
    return ImpactAssessment.objects.select_related(*related).get(pk=assessment.pk)


@router.get("", response=list[s.AssessmentOut], summary="The impact assessments (6.1.4, 8.4), filtered")
@paginate(PagePagination)
def assessment_list(request: AuthedRequest, filters: Query[s.AssessmentQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    system = _system(organization, filters.ai_system) if filters.ai_system else None
    wanted = queries.AssessmentFilter(
        q=filters.q.strip(),
        ai_system_id=system.pk if system else None,
        state=filters.state or "",
        decision=filters.decision or "",
        due=filters.due,
    )
    return queries.assessments_for(organization, wanted).select_related("organization")


@router.post("", response={201: s.AssessmentOut}, summary="Start an impact assessment of an AI system")
def assessment_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.AssessmentIn
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_assessments
    )
    values = _values(organization, payload.model_dump())
    created = actions.create_assessment(actor=request.user, organization=organization, **values)
    return Status(201, _fresh(created))


@router.get("/{assessment_id}", response=s.AssessmentOut, summary="One impact assessment")
def assessment_detail(request: AuthedRequest, assessment_id: int) -> ImpactAssessment:
    return get_assessment_for_user(request.user, None, assessment_id)


@router.patch("/{assessment_id}", response=s.AssessmentOut, summary="Change what a draft says")
def assessment_update(request: AuthedRequest, assessment_id: int, payload: s.AssessmentPatch) -> Any:
    assessment = get_assessment_for_user(request.user, None, assessment_id, permissions.can_edit_assessments)
    values = _values(assessment.organization, payload.model_dump(exclude_unset=True))
    actions.update_assessment(actor=request.user, assessment=assessment, changes=values)
    return _fresh(assessment)


@router.post("/{assessment_id}/submit", response=s.AssessmentOut, summary="Send a draft for approval")
def assessment_submit(request: AuthedRequest, assessment_id: int) -> Any:
    assessment = get_assessment_for_user(request.user, None, assessment_id, permissions.can_edit_assessments)
    return _fresh(actions.submit_assessment(actor=request.user, assessment=assessment))


@router.post(
    "/{assessment_id}/approve", response=s.AssessmentOut, summary="Approve (owners, managers; not the author)"
)
def assessment_approve(request: AuthedRequest, assessment_id: int, payload: s.NoteIn) -> Any:
    assessment = get_assessment_for_user(
        request.user, None, assessment_id, permissions.can_approve_assessments
    )
    return _fresh(actions.approve_assessment(actor=request.user, assessment=assessment, note=payload.note))


@router.post("/{assessment_id}/request-changes", response=s.AssessmentOut, summary="Send back to draft")
def assessment_request_changes(request: AuthedRequest, assessment_id: int, payload: s.NoteIn) -> Any:
    assessment = get_assessment_for_user(
        request.user, None, assessment_id, permissions.can_approve_assessments
    )
    return _fresh(actions.request_changes(actor=request.user, assessment=assessment, note=payload.note))


@router.get("/{assessment_id}/items", response=list[s.ItemOut], summary="The impacts of an assessment")
@paginate(PagePagination)
def item_list(request: AuthedRequest, assessment_id: int) -> Any:
    assessment = get_assessment_for_user(request.user, None, assessment_id)
    return ImpactItem.objects.filter(assessment=assessment).select_related("risk").order_by("dimension", "pk")


@router.post("/{assessment_id}/items", response={201: s.ItemOut}, summary="Record an impact")
def item_create(request: AuthedRequest, assessment_id: int, payload: s.ItemIn) -> Any:
    assessment = get_assessment_for_user(request.user, None, assessment_id, permissions.can_edit_assessments)
    return Status(201, actions.add_item(actor=request.user, assessment=assessment, **payload.model_dump()))


@router.patch("/{assessment_id}/items/{item_id}", response=s.ItemOut, summary="Change an impact")
def item_update(request: AuthedRequest, assessment_id: int, item_id: int, payload: s.ItemPatch) -> ImpactItem:
    item = get_item_for_user(request.user, None, assessment_id, item_id, permissions.can_edit_assessments)
    changes = payload.model_dump(exclude_unset=True)
    return actions.update_item(actor=request.user, item=item, changes=changes)


@router.delete("/{assessment_id}/items/{item_id}", response={204: None}, summary="Remove an impact")
def item_delete(request: AuthedRequest, assessment_id: int, item_id: int) -> Any:
    item = get_item_for_user(request.user, None, assessment_id, item_id, permissions.can_edit_assessments)
    actions.remove_item(actor=request.user, item=item)
    return Status(204, None)


@router.post(
    "/{assessment_id}/items/{item_id}/raise-risk",
    response=s.ItemOut,
    summary="Track a negative impact as a new or existing risk",
)
def item_raise_risk(request: AuthedRequest, assessment_id: int, item_id: int, payload: s.RaiseRiskIn) -> Any:
    item = get_item_for_user(request.user, None, assessment_id, item_id, permissions.can_edit_assessments)
    risk = None
    if payload.risk:
        organization = item.assessment.organization
        risk = Risk.objects.filter(organization=organization, reference__iexact=payload.risk.strip()).first()
        if risk is None:
            raise ValidationError({"risk": f"No risk {payload.risk} in {organization.name}."})
    return actions.raise_risk_from_impact(actor=request.user, item=item, risk=risk)
