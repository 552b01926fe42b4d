"""HTML pages of concerns (A.3.3): report, list what you may see, investigate and close; the public link."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.views.decorators.http import require_POST

from aims.organizations import permissions as org_permissions
from aims.organizations.access import get_organization_for_user
from aims.people import actions, queries
from aims.people.access import get_concern_for_user
from aims.people.forms import AssignInvestigatorForm, CloseConcernForm, ConcernFilterForm, ConcernForm
from aims.people.models import Concern, PublicConcernLink
from aims.people.views.common import is_partial, sort_columns
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


@login_required
def concern_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = ConcernFilterForm(request.GET or None)
    page, wanted = None, queries.ConcernFilter()
    if not form.is_bound or form.is_valid():
        wanted = form.concern_filter()
        page = paginate_request(request, queries.concerns_for(request.user, organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": bool(wanted.q or wanted.status or wanted.category),
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(wanted.sort, queries.CONCERN_SORTS),
        "sees_all": org_permissions.can_manage_members(request.user, organization),
        "refs": Concern.evidences,
    }
    template = "people/concern_list.html#concerns" if is_partial(request) else "people/concern_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def concern_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = ConcernForm(posted(request), organization=organization, initial={"is_confidential": True})
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            concern, status = attempt(
                form,
                lambda: actions.report_concern(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if concern is not None:
                messages.success(request, f"Thank you. Your concern is recorded as {concern.reference}.")
                return redirect("people:concern_detail", org=org, pk=concern.pk)
    return render(
        request, "people/concern_form.html", {"organization": organization, "form": form}, status=status
    )


def _detail_context(request: AuthedRequest, concern: Concern, **forms: Any) -> dict[str, Any]:
    organization = concern.organization
    can_manage = org_permissions.can_manage_members(request.user, organization)
    is_investigator = concern.assigned_investigator_id == request.user.pk
    is_reporter = concern.reporter_id == request.user.pk
    open_ = concern.status != Concern.Status.CLOSED
    return {
        "organization": organization,
        "concern": concern,
        "show_reporter": concern.reporter_id is not None
        and (can_manage or is_reporter or (is_investigator and not concern.is_confidential)),
        "assign_form": forms.get("assign_form")
        or (AssignInvestigatorForm(organization=organization) if can_manage and open_ else None),
        "close_form": forms.get("close_form")
        or (CloseConcernForm() if open_ and (can_manage or is_investigator) else None),
    }


@login_required
def concern_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    concern = get_concern_for_user(request.user, org, pk)
    return render(request, "people/concern_detail.html", _detail_context(request, concern))


@login_required
@require_POST
def concern_update(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    """Assign the investigator (`do=assign`) or record the outcome and close (`do=close`)."""
    concern = get_concern_for_user(request.user, org, pk)
    if request.POST.get("do") == "assign":
        form: Any = AssignInvestigatorForm(request.POST, organization=concern.organization)
        run: Any = lambda: actions.assign_investigator(  # noqa: E731
            actor=request.user, concern=concern, investigator=form.cleaned_data["investigator"]
        )
        key = "assign_form"
    else:
        form = CloseConcernForm(request.POST)
        run = lambda: actions.close_concern(  # noqa: E731
            actor=request.user, concern=concern, outcome=form.cleaned_data["outcome"]
        )
        key = "close_form"
    status = 422
    if form.is_valid():
        done, status = attempt(form, run)
        if done is not None:
            messages.success(request, f"{concern.reference} is {done.get_status_display().lower()}.")
            return redirect("people:concern_detail", org=org, pk=concern.pk)
    context = _detail_context(request, concern, **{key: form})
    return render(request, "people/concern_detail.html", context, status=status)


def _report_path(token: str) -> str:
    try:
        return reverse("people_public:report", args=[token])
    except NoReverseMatch:  # until aims/urls.py mounts aims.people.public_urls at "report/"
        return f"/report/{token}/"


@login_required
def public_link(request: AuthedRequest, org: str) -> HttpResponse:
    """Owners and managers turn the anonymous reporting link on (with a fresh token) or off."""
    organization = get_organization_for_user(request.user, org, require=org_permissions.can_manage_members)
    new_url = ""
    if request.method == "POST":
        if request.POST.get("do") == "disable":
            actions.disable_public_link(actor=request.user, organization=organization)
            messages.success(request, "The public link no longer works.")
            return redirect("people:public_link", org=org)
        _, token = actions.enable_public_link(actor=request.user, organization=organization)
        new_url = request.build_absolute_uri(_report_path(token))
    link = PublicConcernLink.objects.filter(organization=organization).first()
    context = {"organization": organization, "link": link, "new_url": new_url}
    return render(request, "people/public_link.html", context)
