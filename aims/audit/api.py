"""/api/v1/audit-events: an organisation's audit trail, for its owners, managers and auditors."""

from typing import Any

from ninja import Query, Router
from ninja.pagination import paginate

from aims.audit import queries
from aims.audit.schemas import AuditEventOut, AuditEventQuery
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["audit"])


@router.get("", response=list[AuditEventOut], summary="An organisation's audit events, newest first")
@paginate(PagePagination)
def event_list(request: AuthedRequest, filters: Query[AuditEventQuery]) -> Any:
    organization = get_organization_for_user(
        request.user, filters.organization, require=permissions.can_view_audit_log
    )
    return queries.events_for(organization, filters.event_filter())
