"""Nonconformities, corrective actions and improvement opportunities (10.1, 10.2)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.organizations.access import get_organization_for_user
from aims.web.requests import AuthedRequest


@login_required
def nonconformity_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    return render(request, "improvement/nonconformity_list.html", {"organization": organization})
