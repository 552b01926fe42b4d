"""Management reviews: inputs gathered by aims, attendees, decisions and actions (9.3)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.organizations.access import get_organization_for_user
from aims.web.requests import AuthedRequest


@login_required
def review_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    return render(request, "reviews/review_list.html", {"organization": organization})
