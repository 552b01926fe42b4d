"""Internal audit programmes, audits, checklists, results and reports (9.2)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.organizations.access import get_organization_for_user
from aims.web.requests import AuthedRequest


@login_required
def audit_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    return render(request, "internal_audits/audit_list.html", {"organization": organization})
