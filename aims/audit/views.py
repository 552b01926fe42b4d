"""The audit log page: an organisation's events, filtered and paged, for owners, managers and auditors."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from aims.audit import queries
from aims.audit.forms import EventFilterForm
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


def _query_without_page(request: AuthedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@login_required
def event_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_view_audit_log)
    form = EventFilterForm(request.GET or None, choices=queries.filter_choices(organization))
    page = None
    if not form.is_bound or form.is_valid():
        wanted = form.event_filter() if form.is_bound else None
        page = paginate_request(request, queries.events_for(organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": form.is_bound and form.has_changed(),
        "query": _query_without_page(request),
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = "audit/event_list.html#events" if partial else "audit/event_list.html"
    return render(request, template, context, status=400 if form.errors else 200)
