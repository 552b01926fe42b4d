"""Every request of an external auditor goes into the audit trail of the organisation it reached.

The organisation of a request is the one its view let the user into: every door (the `/o/<slug>/` pages,
the API's `?organization=` and its records addressed by id) asks `permissions.role_in`, which remembers the
role on the user object. After the response the middleware reads what was remembered: for everyone else that
costs no query at all; for an external auditor it appends one `access.viewed` event per organisation reached,
GET included, with the path, method and status. The event is written before the response leaves, so a page
whose viewing could not be recorded is not shown (the error answers instead).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase

from aims.audit.trail import record
from aims.organizations import permissions
from aims.organizations.models import Organization, Role

MAX_PATH = 500


class ExternalAuditorAccessLogMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        audited = [pk for pk, role in permissions.roles_seen(user).items() if role == Role.EXTERNAL_AUDITOR]
        if audited:
            log_access(request, response, audited)
        return response


def log_access(request: HttpRequest, response: HttpResponseBase, organization_ids: list[int]) -> None:
    data = {"path": request.path[:MAX_PATH], "method": request.method, "status": response.status_code}
    query = request.META.get("QUERY_STRING", "")
    if query:
        data["query"] = query[:MAX_PATH]
    for organization in Organization.objects.filter(pk__in=organization_ids):
        record(actor=request.user, verb="access.viewed", target=organization, data=data)
