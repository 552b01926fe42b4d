from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user


@login_required
def event_list(request: HttpRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_view_audit_log)
    return render(request, "audit/event_list.html", {"organization": organization})
