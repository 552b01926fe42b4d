"""HTML pages of the communication plan and log (7.4)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from aims.accounts.models import User
from aims.organizations import permissions as org_permissions
from aims.organizations.access import Predicate, get_organization_for_user
from aims.people import actions
from aims.people import communication as com
from aims.people.actions.communication import PLAN_FIELDS
from aims.people.models import CommunicationPlanItem
from aims.people.views.common import sort_columns
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


def get_plan_item_for_user(
    user: User | AnonymousUser, org: str, pk: int, perm: Predicate | None = None
) -> CommunicationPlanItem:
    organization = get_organization_for_user(user, org, require=perm)
    item = (
        CommunicationPlanItem.objects.filter(organization=organization, pk=pk)
        .select_related("organization")
        .first()
    )
    if item is None:
        raise Http404("No such plan item.")
    return item


@login_required
def plan_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = com.PlanFilterForm(request.GET or None)
    page, sort = None, "what"
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        sort = data.get("sort") or "what"
        items = com.plan_for(organization, (data.get("q") or "").strip(), data.get("channel") or "", sort)
        page = paginate_request(request, items)
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(sort, com.PLAN_SORTS),
        "can_edit": org_permissions.can_edit_records(request.user, organization),
        "refs": CommunicationPlanItem.evidences,
    }
    return render(request, "people/plan_list.html", context, status=400 if form.errors else 200)


def _plan_form(request: AuthedRequest, org: str, item: CommunicationPlanItem | None) -> HttpResponse:
    organization = (
        item.organization
        if item
        else get_organization_for_user(request.user, org, require=org_permissions.can_edit_records)
    )
    initial = {f: getattr(item, f) for f in PLAN_FIELDS} if item else {}
    form = com.PlanItemForm(posted(request), organization=organization, initial=initial)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():

            def run() -> CommunicationPlanItem:
                if item is None:
                    return actions.add_plan_item(
                        actor=request.user, organization=organization, **form.cleaned_data
                    )
                return actions.update_plan_item(actor=request.user, item=item, changes=form.cleaned_data)

            done, status = attempt(form, run)
            if done is not None:
                messages.success(request, f"{done.what} is in the communication plan.")
                return redirect("people:plan_list", org=org)
    context = {"organization": organization, "form": form, "item": item, "title": "communication plan item"}
    return render(request, "people/communication_form.html", context, status=status)


@login_required
def plan_create(request: AuthedRequest, org: str) -> HttpResponse:
    return _plan_form(request, org, None)


@login_required
def plan_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    item = get_plan_item_for_user(request.user, org, pk, org_permissions.can_edit_records)
    return _plan_form(request, org, item)


@login_required
def log_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = com.LogFilterForm(request.GET or None, organization=organization)
    page, sort = None, "-date"
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        sort = data.get("sort") or "-date"
        plan_item = data["plan_item"].pk if data.get("plan_item") else None
        page = paginate_request(
            request, com.log_for(organization, (data.get("q") or "").strip(), plan_item, sort)
        )
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(sort, com.LOG_SORTS),
        "can_edit": org_permissions.can_edit_records(request.user, organization),
        "refs": CommunicationPlanItem.evidences,
    }
    return render(request, "people/log_list.html", context, status=400 if form.errors else 200)


@login_required
def log_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=org_permissions.can_edit_records)
    form = com.LogForm(posted(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = attempt(
                form,
                lambda: actions.log_communication(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if done is not None:
                messages.success(request, "The communication is logged.")
                return redirect("people:log_list", org=org)
    context = {"organization": organization, "form": form, "item": None, "title": "communication log entry"}
    return render(request, "people/communication_form.html", context, status=status)
