"""/api/v1/people/competences and /training-records (7.2, 7.3): the same actions as the pages."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import File, Form, Query, Router
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from aims.organizations.access import get_organization_for_user
from aims.people import actions, permissions
from aims.people import competence_queries as cq
from aims.people.access import get_competence_for_user
from aims.people.models import Competence
from aims.people.schemas import (
    CompetenceIn,
    CompetenceOut,
    CompetencePatch,
    CompetenceQuery,
    OrganizationParam,
    TrainingIn,
    TrainingOut,
    TrainingQuery,
)
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["people"])
OPTIONAL_FILE = File(None)  # type: ignore[type-arg]  # an optional multipart file part


@router.get("/competences", response=list[CompetenceOut], summary="Competences (7.2)")
@paginate(PagePagination)
def competence_list(request: AuthedRequest, filters: Query[CompetenceQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return cq.competences_for(organization, filters.q.strip(), bool(filters.ai_literacy))


@router.post("/competences", response={201: CompetenceOut}, summary="Define a competence")
def competence_create(request: AuthedRequest, where: Query[OrganizationParam], payload: CompetenceIn) -> Any:
    organization = get_organization_for_user(
        request.user, where.organization, require=permissions.can_manage_roles
    )
    competence = actions.create_competence(actor=request.user, organization=organization, **payload.dict())
    return Status(201, competence)


@router.patch("/competences/{competence_id}", response=CompetenceOut, summary="Change a competence")
def competence_update(request: AuthedRequest, competence_id: int, payload: CompetencePatch) -> Any:
    competence = get_competence_for_user(request.user, None, competence_id, permissions.can_manage_roles)
    changes = payload.dict(exclude_unset=True)
    return actions.update_competence(actor=request.user, competence=competence, changes=changes)


@router.get("/training-records", response=list[TrainingOut], summary="Training and qualifications")
@paginate(PagePagination)
def training_list(request: AuthedRequest, filters: Query[TrainingQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    user = actions.member_by_email(organization, filters.user).pk if filters.user else None
    sort = filters.sort if filters.sort.lstrip("-") in cq.TRAINING_SORTS else cq.DEFAULT_TRAINING_SORT
    wanted = cq.TrainingFilter(
        q=filters.q.strip(),
        competence=filters.competence,
        user=user,
        kind=filters.kind or "",
        status=filters.status,
        sort=sort,
    )
    return cq.training_for(organization, wanted)


@router.post(
    "/training-records",
    response={201: TrainingOut},
    summary="Record training (multipart: the fields, and an optional evidence file)",
)
def training_create(
    request: AuthedRequest,
    where: Query[OrganizationParam],
    payload: Form[TrainingIn],
    evidence: UploadedFile | None = OPTIONAL_FILE,
) -> Any:
    organization = get_organization_for_user(request.user, where.organization)
    competence = Competence.objects.filter(organization=organization, pk=payload.competence).first()
    if competence is None:
        raise ValidationError({"competence": "No such competence in this organisation."})
    values = payload.dict()
    values["user"] = actions.member_by_email(organization, payload.user)
    values["competence"] = competence
    training = actions.record_training(
        actor=request.user, organization=organization, evidence=evidence, **values
    )
    return Status(201, training)
