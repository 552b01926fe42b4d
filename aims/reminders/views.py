"""The member's notices: reminders before things fall due and when they are overdue, and other alerts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from aims.organizations.access import get_organization_for_user
from aims.reminders import actions, queries
from aims.reminders.access import get_notice_for_user
from aims.web.htmx import render_records
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, query_without


@login_required
def notice_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    unread_only = request.GET.get("unread") == "on"
    rows = queries.notices_for(request.user, organization, unread_only=unread_only)
    context = {
        "organization": organization,
        "page": paginate_request(request, rows),
        "unread_only": unread_only,
        "query": query_without(request, "page"),
    }
    return render_records(request, "reminders/notice_list.html", context)


@login_required
def notice_badge(request: AuthedRequest, org: str) -> HttpResponse:
    """The header's unread count, fetched by htmx after the page loads (so pages keep their query count)."""
    organization = get_organization_for_user(request.user, org)
    context = {"count": queries.unread_count(request.user, organization)}
    return render(request, "reminders/notice_badge.html", context)


@login_required
@require_POST
def notice_read(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    """Mark the notice read, then go to its record (`?next=` the record's page) or back to the list."""
    notice = get_notice_for_user(request.user, pk, org)
    actions.mark_notice_read(actor=request.user, notice=notice)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("reminders:notice_list", org=org)


@login_required
@require_POST
def notice_read_all(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    marked = actions.mark_all_notices_read(actor=request.user, organization=organization)
    messages.success(request, f"{marked} notice{'s' if marked != 1 else ''} marked read.")
    return redirect("reminders:notice_list", org=org)
