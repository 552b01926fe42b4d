"""/api/v1/incidents: the register, one incident, its communication log and its transitions. Writes call the
actions; AI systems are named by reference and owners by email."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.incidents import actions, permissions, queries
from aims.incidents import schemas as s
from aims.incidents.access import get_incident_for_user
from aims.incidents.models import Incident, IncidentCommunication
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["incidents"])


def _system(organization: Organization, reference: str) -> AISystem:
    found = AISystem.objects.filter(organization=organization, reference__iexact=reference.strip()).first()
    if found is None:
        raise ValidationError({"ai_systems": f"No AI system {reference} in {organization.name}."})
    return found


def _owner(organization: Organization, email: str | None) -> User | None:
    if not email:
        return None
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({"owner": f"No member {email} in {organization.name}."})
    return found


def _split(
    organization: Organization, values: dict[str, Any]
) -> tuple[dict[str, Any], list[AISystem] | None]:
    references = values.pop("ai_systems", None)
    systems = [_system(organization, r) for r in references] if references is not None else None
    if "owner" in values:
        values["owner"] = _owner(organization, values["owner"])
    return values, systems


def _fresh(incident: Incident) -> Incident:
    return (
        Incident.objects.select_related("organization", "owner")
        .prefetch_related("ai_systems")
        .get(pk=incident.pk)
    )


@router.get("", response=list[s.IncidentOut], summary="The AI incidents (A.8.3, A.8.4), filtered")
@paginate(PagePagination)
def incident_list(request: AuthedRequest, filters: Query[s.IncidentQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    system = _system(organization, filters.ai_system) if filters.ai_system else None
    wanted = queries.IncidentFilter(
        q=filters.q.strip(),
        ai_system_id=system.pk if system else None,
        status=filters.status or "",
        severity=filters.severity or "",
        serious=filters.serious,
        overdue=filters.overdue,
    )
    return queries.incidents_for(organization, wanted).select_related("organization")


@router.post("", response={201: s.IncidentOut}, summary="Record an incident")
def incident_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.IncidentIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_edit_incidents
    )
    values, systems = _split(organization, payload.model_dump())
    created = actions.record_incident(
        actor=request.user, organization=organization, ai_systems=systems or [], **values
    )
    return Status(201, _fresh(created))


@router.get("/{incident_id}", response=s.IncidentOut, summary="One incident, with its reporting deadline")
def incident_detail(request: AuthedRequest, incident_id: int) -> Incident:
    return _fresh(get_incident_for_user(request.user, None, incident_id))


@router.patch("/{incident_id}", response=s.IncidentOut, summary="Change what the record says")
def incident_update(request: AuthedRequest, incident_id: int, payload: s.IncidentPatch) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id, permissions.can_edit_incidents)
    values, systems = _split(incident.organization, payload.model_dump(exclude_unset=True))
    actions.update_incident(actor=request.user, incident=incident, changes=values, ai_systems=systems)
    return _fresh(incident)


@router.post("/{incident_id}/status", response=s.IncidentOut, summary="Contain, resolve, close or reopen")
def incident_status(request: AuthedRequest, incident_id: int, payload: s.StatusIn) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id, permissions.can_edit_incidents)
    return _fresh(actions.change_status(actor=request.user, incident=incident, status=payload.status))


@router.post(
    "/{incident_id}/seriousness", response=s.IncidentOut, summary="Assess seriousness (owners, managers)"
)
def incident_assess(request: AuthedRequest, incident_id: int, payload: s.SeriousnessIn) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id, permissions.can_decide_incidents)
    done = actions.assess_seriousness(
        actor=request.user,
        incident=incident,
        is_serious=payload.is_serious,
        serious_kind=payload.serious_kind,
    )
    return _fresh(done)


@router.post("/{incident_id}/report", response=s.IncidentOut, summary="Record the report to the authority")
def incident_report(request: AuthedRequest, incident_id: int, payload: s.ReportIn) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id, permissions.can_decide_incidents)
    done = actions.record_authority_report(
        actor=request.user, incident=incident, reported_at=payload.reported_at, authority=payload.authority
    )
    return _fresh(done)


@router.get(
    "/{incident_id}/communications", response=list[s.CommunicationOut], summary="Who was told what, and when"
)
@paginate(PagePagination)
def communication_list(request: AuthedRequest, incident_id: int) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id)
    return IncidentCommunication.objects.filter(incident=incident).select_related("told_by")


@router.post(
    "/{incident_id}/communications", response={201: s.CommunicationOut}, summary="Log a communication"
)
def communication_create(request: AuthedRequest, incident_id: int, payload: s.CommunicationIn) -> Any:
    incident = get_incident_for_user(request.user, None, incident_id, permissions.can_edit_incidents)
    return Status(
        201, actions.log_communication(actor=request.user, incident=incident, **payload.model_dump())
    )
