"""/api/v1/context: issues, interested parties, requirements, obligations, scope. Writes call the actions."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.actions import member_by_email
from aims.ai_systems.models import AISystem
from aims.context import actions, queries
from aims.context import schemas as s
from aims.context.access import (
    get_issue_for_user,
    get_obligation_for_user,
    get_party_for_user,
    get_requirement_for_user,
    get_scope_for_user,
)
from aims.context.models import ContextIssue, InterestedParty, Obligation, Requirement, ScopeStatement
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records, can_manage_members
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["context"])


def _systems(organization: Organization, references: list[str] | None) -> list[AISystem] | None:
    if references is None:
        return None
    found = list(AISystem.objects.filter(organization=organization, reference__in=references))
    missing = set(references) - {system.reference for system in found}
    if missing:
        raise ValidationError(
            {"ai_systems": f"No AI system {', '.join(sorted(missing))} in {organization.name}."}
        )
    return found


def _record_values(organization: Organization, values: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """Owner by e-mail and AI systems by reference, as the actions take them."""
    systems = _systems(organization, values.pop("ai_systems", None))
    if values.get("owner"):
        values["owner"] = member_by_email(organization, values["owner"])
    return values, systems


def _with_systems(records: Any) -> Any:
    return queries.with_systems(records.select_related("organization", "owner"))


@router.get("/issues", response=list[s.IssueOut], summary="Context issues (4.1), filtered and sorted")
@paginate(PagePagination)
def issue_list(request: AuthedRequest, filters: Query[s.IssueQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return _with_systems(queries.issues_for(organization, filters.record_filter()))


@router.post("/issues", response={201: s.IssueOut}, summary="Record a context issue")
def issue_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.IssueIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    values, systems = _record_values(organization, payload.model_dump())
    issue = actions.create_issue(actor=request.user, organization=organization, ai_systems=systems, **values)
    return Status(201, issue)


@router.get("/issues/{issue_id}", response=s.IssueOut, summary="One context issue")
def issue_detail(request: AuthedRequest, issue_id: int) -> ContextIssue:
    return get_issue_for_user(request.user, None, issue_id)


@router.patch("/issues/{issue_id}", response=s.IssueOut, summary="Change a context issue")
def issue_update(request: AuthedRequest, issue_id: int, payload: s.IssuePatch) -> ContextIssue:
    issue = get_issue_for_user(request.user, None, issue_id, can_edit_records)
    values, systems = _record_values(issue.organization, payload.model_dump(exclude_unset=True))
    return actions.update_issue(actor=request.user, issue=issue, changes=values, ai_systems=systems)


@router.get("/obligations", response=list[s.ObligationOut], summary="Obligations (4.2, A.8.5)")
@paginate(PagePagination)
def obligation_list(request: AuthedRequest, filters: Query[s.ObligationQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return _with_systems(queries.obligations_for(organization, filters.record_filter()))


@router.post("/obligations", response={201: s.ObligationOut}, summary="Record an obligation")
def obligation_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ObligationIn
) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    values, systems = _record_values(organization, payload.model_dump())
    obligation = actions.create_obligation(
        actor=request.user, organization=organization, ai_systems=systems, **values
    )
    return Status(201, obligation)


@router.get("/obligations/{obligation_id}", response=s.ObligationOut, summary="One obligation")
def obligation_detail(request: AuthedRequest, obligation_id: int) -> Obligation:
    return get_obligation_for_user(request.user, None, obligation_id)


@router.patch("/obligations/{obligation_id}", response=s.ObligationOut, summary="Change an obligation")
def obligation_update(request: AuthedRequest, obligation_id: int, payload: s.ObligationPatch) -> Obligation:
    obligation = get_obligation_for_user(request.user, None, obligation_id, can_edit_records)
    values, systems = _record_values(obligation.organization, payload.model_dump(exclude_unset=True))
    return actions.update_obligation(
        actor=request.user, obligation=obligation, changes=values, ai_systems=systems
    )


@router.get("/interested-parties", response=list[s.PartyOut], summary="Interested parties (4.2)")
@paginate(PagePagination)
def party_list(request: AuthedRequest, filters: Query[s.PartyQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.parties_for(organization, filters.record_filter()).select_related("organization")


@router.post("/interested-parties", response={201: s.PartyOut}, summary="Record an interested party")
def party_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.PartyIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    return Status(
        201, actions.create_party(actor=request.user, organization=organization, **payload.model_dump())
    )


@router.get("/interested-parties/{party_id}", response=s.PartyOut, summary="One interested party")
def party_detail(request: AuthedRequest, party_id: int) -> InterestedParty:
    return get_party_for_user(request.user, None, party_id)


@router.patch("/interested-parties/{party_id}", response=s.PartyOut, summary="Change an interested party")
def party_update(request: AuthedRequest, party_id: int, payload: s.PartyPatch) -> InterestedParty:
    party = get_party_for_user(request.user, None, party_id, can_edit_records)
    return actions.update_party(
        actor=request.user, party=party, changes=payload.model_dump(exclude_unset=True)
    )


@router.get(
    "/interested-parties/{party_id}/requirements",
    response=list[s.RequirementOut],
    summary="What an interested party requires",
)
@paginate(PagePagination)
def requirement_list(request: AuthedRequest, party_id: int) -> Any:
    return queries.requirements_of(get_party_for_user(request.user, None, party_id))


def _requirement_values(organization: Organization, values: dict[str, Any]) -> dict[str, Any]:
    if values.get("obligation") is not None:
        values["obligation"] = Obligation.objects.filter(
            pk=values["obligation"], organization=organization
        ).first()
        if values["obligation"] is None:
            raise ValidationError({"obligation": "No such obligation in this organisation."})
    return values


@router.post(
    "/interested-parties/{party_id}/requirements",
    response={201: s.RequirementOut},
    summary="Add a requirement of an interested party",
)
def requirement_create(request: AuthedRequest, party_id: int, payload: s.RequirementIn) -> Any:
    party = get_party_for_user(request.user, None, party_id, can_edit_records)
    values = _requirement_values(party.organization, payload.model_dump())
    return Status(201, actions.add_requirement(actor=request.user, party=party, **values))


def _requirement(request: AuthedRequest, party_id: int, requirement_id: int) -> Requirement:
    requirement = get_requirement_for_user(request.user, None, requirement_id, can_edit_records)
    if requirement.party_id != party_id:
        raise Http404("No such requirement.")
    return requirement


@router.patch(
    "/interested-parties/{party_id}/requirements/{requirement_id}",
    response=s.RequirementOut,
    summary="Change a requirement",
)
def requirement_update(
    request: AuthedRequest, party_id: int, requirement_id: int, payload: s.RequirementPatch
) -> Requirement:
    requirement = _requirement(request, party_id, requirement_id)
    values = _requirement_values(requirement.party.organization, payload.model_dump(exclude_unset=True))
    return actions.update_requirement(actor=request.user, requirement=requirement, changes=values)


@router.delete(
    "/interested-parties/{party_id}/requirements/{requirement_id}", response={204: None}, summary="Remove one"
)
def requirement_delete(request: AuthedRequest, party_id: int, requirement_id: int) -> Any:
    actions.remove_requirement(
        actor=request.user, requirement=_requirement(request, party_id, requirement_id)
    )
    return Status(204, None)


def _scopes(organization: Organization) -> Any:
    records = ScopeStatement.objects.filter(organization=organization)
    return records.select_related("author", "approved_by").prefetch_related("exclusions").order_by("-version")


@router.get(
    "/scope", response=s.ScopeOverview, summary="The scope (4.3): the current version and all versions"
)
def scope_overview(request: AuthedRequest, target: Query[s.OrganizationParam]) -> dict[str, Any]:
    organization = get_organization_for_user(request.user, target.organization)
    versions = list(_scopes(organization)[:50])
    current = next((version for version in versions if version.is_approved), None)
    return {
        "current": current,
        "versions": versions,
        "systems_in_scope_now": actions.in_scope_references(organization),
    }


@router.post("/scope", response={201: s.ScopeOut}, summary="Start a new draft version of the scope")
def scope_draft(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ScopeIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    values = payload.model_dump(exclude_none=True)
    return Status(201, actions.draft_scope(actor=request.user, organization=organization, **values))


@router.post("/scope/{scope_id}/approve", response=s.ScopeOut, summary="Approve a draft version of the scope")
def scope_approve(request: AuthedRequest, scope_id: int) -> ScopeStatement:
    scope = get_scope_for_user(request.user, None, scope_id, can_manage_members)
    return actions.approve_scope(actor=request.user, scope=scope)
