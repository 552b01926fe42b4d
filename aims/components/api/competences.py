"""/api/v1/competence-needs: the competences each AI system needs and who holds them (A.4.6)."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.components import actions, queries
from aims.components.access import get_competence_need_for_user
from aims.components.api.common import systems_by_id
from aims.components.schemas.competences import (
    CompetenceNeedIn,
    CompetenceNeedOut,
    CompetenceNeedPatch,
    CompetenceNeedQuery,
)
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["competence-needs"])


def _members(organization: Organization, emails: Iterable[str]) -> list[User]:
    """The members with these e-mail addresses; anyone else is an input error."""
    wanted = list(dict.fromkeys(email.strip().lower() for email in emails))
    found = {
        user.email.lower(): user
        for user in User.objects.filter(memberships__organization=organization, email__in=wanted)
    }
    missing = [email for email in wanted if email not in found]
    if missing:
        raise ValidationError(
            {"holders": f"No member of {organization} has the e-mail {', '.join(missing)}."}
        )
    return [found[email] for email in wanted]


@router.get(
    "/competence-needs",
    response=list[CompetenceNeedOut],
    summary="Competences AI systems need, and their holders",
)
@paginate(PagePagination)
def competence_list(request: AuthedRequest, filters: Query[CompetenceNeedQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.competence_needs(organization, filters.competence_filter()).select_related("organization")


@router.post(
    "/competence-needs", response={201: CompetenceNeedOut}, summary="Record a competence a system needs"
)
def competence_create(request: AuthedRequest, payload: CompetenceNeedIn) -> Any:
    [system] = systems_by_id(request.user, [payload.ai_system], "ai_system")
    get_organization_for_user(request.user, system.organization.slug, require=can_edit_records)
    need = actions.create_competence_need(
        actor=request.user,
        ai_system=system,
        data=payload.action_data(),
        holders=_members(system.organization, payload.holders),
    )
    return Status(201, need)


@router.get("/competence-needs/{need_id}", response=CompetenceNeedOut, summary="One competence need")
def competence_detail(request: AuthedRequest, need_id: int) -> Any:
    return get_competence_need_for_user(request.user, None, need_id)


@router.patch("/competence-needs/{need_id}", response=CompetenceNeedOut, summary="Change a competence need")
def competence_update(request: AuthedRequest, need_id: int, payload: CompetenceNeedPatch) -> Any:
    need = get_competence_need_for_user(request.user, None, need_id, require=can_edit_records)
    holders = None if payload.holders is None else _members(need.organization, payload.holders)
    return actions.update_competence_need(
        actor=request.user, need=need, data=payload.action_data(), holders=holders
    )


@router.delete("/competence-needs/{need_id}", response={204: None}, summary="Remove a competence need")
def competence_delete(request: AuthedRequest, need_id: int) -> Any:
    need = get_competence_need_for_user(request.user, None, need_id, require=can_edit_records)
    actions.delete_competence_need(actor=request.user, need=need)
    return Status(204, None)
