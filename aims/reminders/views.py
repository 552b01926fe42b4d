"""Notices in the application and by e-mail before things fall due and when they are overdue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.organizations.access import get_organization_for_user
from aims.web.requests import AuthedRequest


@login_required
def notice_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    return render(request, "reminders/notice_list.html", {"organization": organization})
