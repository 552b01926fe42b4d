"""/api/v1/third-parties: suppliers and customers, their relationships, responsibilities and due diligence.

Collections take `?organization=<slug>`; records are addressed by id. Every write calls the same action as
the web pages.
"""

# No `from __future__ import annotations` here: django-ninja reads `Query[...]` at run time.
from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.third_parties import actions, permissions, queries
from aims.third_parties.access import get_relationship_for_user, get_third_party_for_user
from aims.third_parties.schemas import (
    ArchiveIn,
    DueDiligenceIn,
    DueDiligenceOut,
    EndIn,
    OrganizationQuery,
    RelationshipIn,
    RelationshipOut,
    RelationshipPatch,
    RelationshipQuery,
    ResponsibilitiesIn,
    ResponsibilityOut,
    ThirdPartyIn,
    ThirdPartyOut,
    ThirdPartyPatch,
    ThirdPartyQuery,
    plain,
)
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["third-parties"])
EDIT = permissions.can_edit_third_parties


@router.get("", response=list[ThirdPartyOut], summary="An organisation's suppliers and customers")
@paginate(PagePagination)
def party_list(request: AuthedRequest, filters: Query[ThirdPartyQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.parties_for(organization, filters.party_filter())


@router.post("", response={201: ThirdPartyOut}, summary="Add a supplier or customer")
def party_create(request: AuthedRequest, where: Query[OrganizationQuery], payload: ThirdPartyIn) -> Any:
    organization = get_organization_for_user(request.user, where.organization, require=EDIT)
    party = actions.create_third_party(actor=request.user, organization=organization, **plain(payload.dict()))
    return Status(201, party)


@router.get("/relationships", response=list[RelationshipOut], summary="An organisation's relationships")
@paginate(PagePagination)
def relationship_list(request: AuthedRequest, filters: Query[RelationshipQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.relationships_for(organization, filters.relationship_filter())


@router.get("/{party_id}", response=ThirdPartyOut)
def party_detail(request: AuthedRequest, party_id: int) -> Any:
    return get_third_party_for_user(request.user, None, party_id)


@router.patch("/{party_id}", response=ThirdPartyOut, summary="Change a supplier or customer")
def party_update(request: AuthedRequest, party_id: int, payload: ThirdPartyPatch) -> Any:
    party = get_third_party_for_user(request.user, None, party_id, EDIT)
    changes = plain(payload.dict(exclude_unset=True))
    return actions.update_third_party(actor=request.user, third_party=party, changes=changes)


@router.post(
    "/{party_id}/archive", response=ThirdPartyOut, summary="Archive (its relationships must have ended)"
)
def party_archive(request: AuthedRequest, party_id: int, payload: ArchiveIn) -> Any:
    party = get_third_party_for_user(request.user, None, party_id, EDIT)
    return actions.archive_third_party(actor=request.user, third_party=party, reason=payload.reason)


@router.get(
    "/{party_id}/relationships", response=list[RelationshipOut], summary="A third party's relationships"
)
@paginate(PagePagination)
def party_relationships(request: AuthedRequest, party_id: int) -> Any:
    party = get_third_party_for_user(request.user, None, party_id)
    return queries.relationships_for(party.organization, queries.RelationshipFilter(third_party_id=party.pk))


def _system(organization: Organization, system_id: int | None) -> AISystem | None:
    if system_id is None:
        return None
    system = AISystem.objects.filter(organization=organization, pk=system_id).first()
    if system is None:
        raise ValidationError({"ai_system_id": f"There is no AI system {system_id} in {organization}."})
    return system


@router.post("/{party_id}/relationships", response={201: RelationshipOut}, summary="Start a relationship")
def relationship_create(request: AuthedRequest, party_id: int, payload: RelationshipIn) -> Any:
    party = get_third_party_for_user(request.user, None, party_id, EDIT)
    values = plain(payload.dict())
    values["ai_system"] = _system(party.organization, values.pop("ai_system_id"))
    relationship = actions.create_relationship(actor=request.user, third_party=party, **values)
    return Status(201, relationship)


@router.get("/relationships/{relationship_id}", response=RelationshipOut)
def relationship_detail(request: AuthedRequest, relationship_id: int) -> Any:
    return get_relationship_for_user(request.user, None, relationship_id)


@router.patch("/relationships/{relationship_id}", response=RelationshipOut, summary="Change a relationship")
def relationship_update(request: AuthedRequest, relationship_id: int, payload: RelationshipPatch) -> Any:
    relationship = get_relationship_for_user(request.user, None, relationship_id, EDIT)
    changes = plain(payload.dict(exclude_unset=True))
    if "ai_system_id" in changes:
        changes["ai_system"] = _system(relationship.organization, changes.pop("ai_system_id"))
    return actions.update_relationship(actor=request.user, relationship=relationship, changes=changes)


@router.post("/relationships/{relationship_id}/end", response=RelationshipOut, summary="End a relationship")
def relationship_end(request: AuthedRequest, relationship_id: int, payload: EndIn) -> Any:
    relationship = get_relationship_for_user(request.user, None, relationship_id, EDIT)
    return actions.end_relationship(
        actor=request.user, relationship=relationship, ended_on=payload.ended_on, reason=payload.reason
    )


@router.get(
    "/relationships/{relationship_id}/responsibilities",
    response=list[ResponsibilityOut],
    summary="Who is responsible for each life-cycle stage (A.10.2)",
)
def responsibilities_get(request: AuthedRequest, relationship_id: int) -> Any:
    relationship = get_relationship_for_user(request.user, None, relationship_id)
    return queries.responsibility_matrix(relationship)


@router.put(
    "/relationships/{relationship_id}/responsibilities",
    response=list[ResponsibilityOut],
    summary="Allocate the responsibilities for every life-cycle stage at once",
)
def responsibilities_put(request: AuthedRequest, relationship_id: int, payload: ResponsibilitiesIn) -> Any:
    relationship = get_relationship_for_user(request.user, None, relationship_id, EDIT)
    allocations = [
        actions.Allocation(item.stage.value, item.party.value, item.note) for item in payload.responsibilities
    ]
    actions.set_responsibilities(actor=request.user, relationship=relationship, allocations=allocations)
    return queries.responsibility_matrix(relationship)


def _performer(organization: Organization, email: str | None) -> User | None:
    if email is None:
        return None
    member = User.objects.filter(email__iexact=email.strip(), memberships__organization=organization).first()
    if member is None:
        raise ValidationError({"performed_by": f"No member of {organization} has the e-mail {email}."})
    return member


@router.get(
    "/relationships/{relationship_id}/due-diligence",
    response=list[DueDiligenceOut],
    summary="Due diligence done for a relationship, newest first",
)
@paginate(PagePagination)
def relationship_due_diligence(request: AuthedRequest, relationship_id: int) -> Any:
    relationship = get_relationship_for_user(request.user, None, relationship_id)
    return queries.due_diligence_for(relationship.third_party, relationship)


@router.post(
    "/relationships/{relationship_id}/due-diligence",
    response={201: DueDiligenceOut},
    summary="Record a due diligence for a relationship (owners and managers)",
)
def relationship_due_diligence_create(
    request: AuthedRequest, relationship_id: int, payload: DueDiligenceIn
) -> Any:
    relationship = get_relationship_for_user(
        request.user, None, relationship_id, permissions.can_record_due_diligence
    )
    values = plain(payload.dict())
    values["performed_by"] = _performer(relationship.organization, values["performed_by"])
    check = actions.record_due_diligence(
        actor=request.user, third_party=relationship.third_party, relationship=relationship, **values
    )
    return Status(201, check)


@router.get(
    "/{party_id}/due-diligence", response=list[DueDiligenceOut], summary="A third party's due diligence"
)
@paginate(PagePagination)
def party_due_diligence(request: AuthedRequest, party_id: int) -> Any:
    return queries.due_diligence_for(get_third_party_for_user(request.user, None, party_id))


@router.post(
    "/{party_id}/due-diligence",
    response={201: DueDiligenceOut},
    summary="Record a due diligence on the third party as a whole (owners and managers)",
)
def party_due_diligence_create(request: AuthedRequest, party_id: int, payload: DueDiligenceIn) -> Any:
    party = get_third_party_for_user(request.user, None, party_id, permissions.can_record_due_diligence)
    values = plain(payload.dict())
    values["performed_by"] = _performer(party.organization, values["performed_by"])
    return Status(201, actions.record_due_diligence(actor=request.user, third_party=party, **values))
