"""/api/v1/people: AIMS roles, their holders and the RACI. Every write calls the same action as the pages."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.models import AISystem
from aims.catalog.models import CatalogItem
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.people import actions, permissions, queries
from aims.people.access import (
    get_assignment_for_user,
    get_concern_for_user,
    get_raci_entry_for_user,
    get_role_for_user,
)
from aims.people.communication_api import router as communication_router
from aims.people.competence_api import router as competence_router
from aims.people.models import AIMSRole, Competence, RaciEntry
from aims.people.schemas import (
    AnonymousConcernIn,
    AnonymousReceipt,
    AssignmentEnd,
    AssignmentIn,
    AssignmentOut,
    ConcernIn,
    ConcernOut,
    ConcernQuery,
    InvestigatorIn,
    OrganizationParam,
    OutcomeIn,
    PublicLinkOut,
    RaciIn,
    RaciOut,
    RaciQuery,
    RoleIn,
    RoleOut,
    RolePatch,
    RoleQuery,
)
from aims.people.views import public
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["people"])
router.add_router("", competence_router)
router.add_router("", communication_router)


def _competences(organization: Organization, ids: list[int]) -> list[Competence]:
    found = list(Competence.objects.filter(organization=organization, pk__in=ids))
    if len(found) != len(set(ids)):
        raise ValidationError(
            {"competences": "Some competence ids are not competences of this organisation."}
        )
    return found


@router.get("/roles", response=list[RoleOut], summary="AIMS roles (5.3, A.3.2), filtered and sorted")
@paginate(PagePagination)
def role_list(request: AuthedRequest, filters: Query[RoleQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    sort = filters.sort if filters.sort.lstrip("-") in queries.ROLE_SORTS else queries.DEFAULT_ROLE_SORT
    wanted = queries.RoleFilter(q=filters.q.strip(), area=filters.area, sort=sort)
    return queries.roles_for(organization, wanted).select_related("organization")


@router.post("/roles", response={201: RoleOut}, summary="Define an AIMS role")
def role_create(request: AuthedRequest, where: Query[OrganizationParam], payload: RoleIn) -> Any:
    organization = get_organization_for_user(
        request.user, where.organization, require=permissions.can_manage_roles
    )
    values = payload.dict()
    values["competences"] = _competences(organization, values["competences"])
    role = actions.create_role(actor=request.user, organization=organization, **values)
    return Status(201, role)


@router.get("/roles/{role_id}", response=RoleOut)
def role_detail(request: AuthedRequest, role_id: int) -> Any:
    return get_role_for_user(request.user, None, role_id)


@router.patch("/roles/{role_id}", response=RoleOut, summary="Change a role")
def role_update(request: AuthedRequest, role_id: int, payload: RolePatch) -> Any:
    role = get_role_for_user(request.user, None, role_id, permissions.can_manage_roles)
    changes = payload.dict(exclude_unset=True)
    if changes.get("competences") is not None:
        changes["competences"] = _competences(role.organization, changes["competences"])
    return actions.update_role(actor=request.user, role=role, changes=changes)


@router.get("/roles/{role_id}/assignments", response=list[AssignmentOut], summary="Who holds or held a role")
@paginate(PagePagination)
def assignment_list(request: AuthedRequest, role_id: int) -> Any:
    role = get_role_for_user(request.user, None, role_id)
    return role.assignments.select_related("user").order_by("until", "-since", "pk")


@router.post("/roles/{role_id}/assignments", response={201: AssignmentOut}, summary="Assign a member")
def assignment_create(request: AuthedRequest, role_id: int, payload: AssignmentIn) -> Any:
    role = get_role_for_user(request.user, None, role_id, permissions.can_manage_roles)
    user = actions.member_by_email(role.organization, payload.user)
    assignment = actions.assign_role(
        actor=request.user, role=role, user=user, since=payload.since, until=payload.until
    )
    return Status(201, assignment)


@router.post("/assignments/{assignment_id}/end", response=AssignmentOut, summary="End an assignment")
def assignment_end(request: AuthedRequest, assignment_id: int, payload: AssignmentEnd) -> Any:
    assignment = get_assignment_for_user(request.user, None, assignment_id, permissions.can_manage_roles)
    return actions.end_assignment(actor=request.user, assignment=assignment, until=payload.until)


@router.get("/raci", response=list[RaciOut], summary="RACI letters (5.3, A.3.2)")
@paginate(PagePagination)
def raci_list(request: AuthedRequest, filters: Query[RaciQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.raci_entries(organization, filters.kind or "").order_by("kind", "pk")


def _raci_subject(organization: Organization, payload: RaciIn) -> dict[str, Any]:
    control = ai_system = None
    if payload.control:
        control = CatalogItem.objects.filter(ref=payload.control, kind=CatalogItem.Kind.CONTROL).first()
        if control is None:
            raise ValidationError({"control": f"{payload.control!r} is not an Annex A control."})
    if payload.ai_system is not None:
        ai_system = AISystem.objects.filter(organization=organization, pk=payload.ai_system).first()
        if ai_system is None:
            raise ValidationError({"ai_system": "No such AI system in this organisation."})
    return {"process": payload.process, "control": control, "ai_system": ai_system}


@router.post("/raci", response={201: RaciOut}, summary="Give a role its RACI letter for a subject")
def raci_set(request: AuthedRequest, where: Query[OrganizationParam], payload: RaciIn) -> Any:
    organization = get_organization_for_user(
        request.user, where.organization, require=permissions.can_manage_roles
    )
    role = AIMSRole.objects.filter(organization=organization, pk=payload.role).first()
    if role is None:
        raise ValidationError({"role": "No such role in this organisation."})
    entry = actions.set_raci(
        actor=request.user,
        organization=organization,
        kind=payload.kind,
        role=role,
        letter=payload.letter,
        **_raci_subject(organization, payload),
    )
    return Status(201, entry)


@router.delete("/raci/{entry_id}", response={204: None}, summary="Remove a RACI letter")
def raci_clear(request: AuthedRequest, entry_id: int) -> Any:
    entry: RaciEntry = get_raci_entry_for_user(request.user, None, entry_id, permissions.can_manage_roles)
    actions.clear_raci(actor=request.user, entry=entry)
    return Status(204, None)


@router.get("/concerns", response=list[ConcernOut], summary="Concerns you may see (A.3.3)")
@paginate(PagePagination)
def concern_list(request: AuthedRequest, filters: Query[ConcernQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    sort = filters.sort if filters.sort.lstrip("-") in queries.CONCERN_SORTS else queries.DEFAULT_CONCERN_SORT
    wanted = queries.ConcernFilter(
        q=filters.q.strip(), status=filters.status or "", category=filters.category or "", sort=sort
    )
    return queries.concerns_for(request.user, organization, wanted)


@router.post("/concerns", response={201: ConcernOut}, summary="Report a concern as a member")
def concern_create(request: AuthedRequest, where: Query[OrganizationParam], payload: ConcernIn) -> Any:
    organization = get_organization_for_user(request.user, where.organization)
    ai_system = None
    if payload.ai_system is not None:
        ai_system = AISystem.objects.filter(organization=organization, pk=payload.ai_system).first()
        if ai_system is None:
            raise ValidationError({"ai_system": "No such AI system in this organisation."})
    concern = actions.report_concern(
        actor=request.user,
        organization=organization,
        category=payload.category,
        description=payload.description,
        ai_system=ai_system,
        is_confidential=payload.is_confidential,
    )
    return Status(201, concern)


@router.get("/concerns/{concern_id}", response=ConcernOut)
def concern_detail(request: AuthedRequest, concern_id: int) -> Any:
    return get_concern_for_user(request.user, None, concern_id)


@router.post("/concerns/{concern_id}/assign", response=ConcernOut, summary="Assign the investigator")
def concern_assign(request: AuthedRequest, concern_id: int, payload: InvestigatorIn) -> Any:
    concern = get_concern_for_user(request.user, None, concern_id)
    investigator = actions.member_by_email(concern.organization, payload.investigator, "investigator")
    return actions.assign_investigator(actor=request.user, concern=concern, investigator=investigator)


@router.post("/concerns/{concern_id}/close", response=ConcernOut, summary="Record the outcome and close")
def concern_close(request: AuthedRequest, concern_id: int, payload: OutcomeIn) -> Any:
    concern = get_concern_for_user(request.user, None, concern_id)
    return actions.close_concern(actor=request.user, concern=concern, outcome=payload.outcome)


@router.post("/concern-link", response={201: PublicLinkOut}, summary="Make or replace the anonymous link")
def concern_link_enable(request: AuthedRequest, where: Query[OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, where.organization)
    _, token = actions.enable_public_link(actor=request.user, organization=organization)
    return Status(201, {"url": request.build_absolute_uri(f"/report/{token}/")})


@router.delete("/concern-link", response={204: None}, summary="Turn the anonymous link off")
def concern_link_disable(request: AuthedRequest, where: Query[OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, where.organization)
    actions.disable_public_link(actor=request.user, organization=organization)
    return Status(204, None)


@router.post(
    "/public-concerns/{token}", auth=None, response={201: AnonymousReceipt}, summary="Report anonymously"
)
def public_concern_create(request: HttpRequest, token: str, payload: AnonymousConcernIn) -> Any:
    """No sign-in, and nothing about the caller is kept (A.3.3). Rate-limited per link."""
    link = public.link_for(token)
    if public.rate_limited(token):
        raise HttpError(429, "Too many reports through this link just now; please try again in an hour.")
    concern = actions.report_anonymous_concern(
        link=link, category=payload.category, description=payload.description
    )
    return Status(201, {"reference": concern.reference})
