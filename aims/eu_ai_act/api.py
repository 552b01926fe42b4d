"""/api/v1/eu-ai-act: the questionnaire, classifying an AI system, and classifications with their history.

Writes go through `actions.classify_ai_system`, as in the web pages: bad answers answer 422 with a message
per question, identical answers 409, a role that may not classify 403, another organisation's system 404.
"""

# No `from __future__ import annotations` here: django-ninja reads `Query[...]` at run time.
from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.access import get_ai_system_for_user
from aims.eu_ai_act import actions, queries, rules
from aims.eu_ai_act.access import get_classification_for_user
from aims.eu_ai_act.models import OPERATOR_ROLE_HELP, OperatorRole
from aims.eu_ai_act.questions import RULES_VERSION, SECTIONS
from aims.eu_ai_act.schemas import (
    ClassificationIn,
    ClassificationOut,
    ClassificationQuery,
    OutcomeOut,
    QuestionnaireOut,
)
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["eu-ai-act"])


@router.get("/questions", response=QuestionnaireOut, summary="The classification questionnaire")
def questionnaire(request: AuthedRequest) -> Any:
    roles = [
        {"id": role, "label": OperatorRole(role).label, "help": text}
        for role, text in OPERATOR_ROLE_HELP.items()
    ]
    return {"rules_version": RULES_VERSION, "operator_roles": roles, "sections": SECTIONS}


@router.post("/outcome", response=OutcomeOut, summary="What answers would give, without saving anything")
def outcome_preview(request: AuthedRequest, payload: ClassificationIn) -> Any:
    return rules.classify(payload.answers, payload.operator_role)


@router.get("/classifications", response=list[ClassificationOut], summary="An organisation's classifications")
@paginate(PagePagination)
def classification_list(request: AuthedRequest, filters: Query[ClassificationQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.classifications_for(organization, filters.classification_filter())


@router.get("/classifications/{classification_id}", response=ClassificationOut, summary="One classification")
def classification_detail(request: AuthedRequest, classification_id: int) -> Any:
    return get_classification_for_user(request.user, None, classification_id)


@router.get(
    "/systems/{system_id}/classifications",
    response=list[ClassificationOut],
    summary="An AI system's classifications, newest first",
)
@paginate(PagePagination)
def system_classification_list(request: AuthedRequest, system_id: int) -> Any:
    ai_system = get_ai_system_for_user(request.user, None, system_id)
    filters = queries.ClassificationFilter(current=None, ai_system=ai_system.pk)
    return queries.classifications_for(ai_system.organization, filters)


@router.post(
    "/systems/{system_id}/classifications",
    response={201: ClassificationOut},
    summary="Classify an AI system (the previous classification becomes history)",
)
def system_classify(request: AuthedRequest, system_id: int, payload: ClassificationIn) -> Any:
    ai_system = get_ai_system_for_user(request.user, None, system_id, perm=can_edit_records)
    classification = actions.classify_ai_system(
        actor=request.user,
        ai_system=ai_system,
        answers=payload.answers,
        operator_role=payload.operator_role,
    )
    return Status(201, classification)
