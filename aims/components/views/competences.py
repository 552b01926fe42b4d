"""The human-resources page (A.4.6): competences each AI system needs, who holds them, and the gaps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.components import actions, queries
from aims.components.access import get_competence_need_for_user
from aims.components.forms import CompetenceFilterForm, CompetenceNeedForm
from aims.components.models import CompetenceNeed
from aims.components.views.common import query_without_page, wants_partial
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


@login_required
def competence_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = CompetenceFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        page = paginate_request(request, queries.competence_needs(organization, form.competence_filter()))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": form.is_bound and form.has_changed(),
        "query": query_without_page(request),
        "can_edit": permissions.can_edit_records(request.user, organization),
        "refs": CompetenceNeed.evidences,
    }
    template = "components/competence_list.html" + ("#rows" if wants_partial(request) else "")
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def competence_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_records)
    initial = {"ai_system": request.GET.get("system", "")}
    form = CompetenceNeedForm(request.POST or None, organization=organization, creating=True, initial=initial)
    if request.method == "POST" and form.is_valid():
        need = call_action(
            form,
            lambda: actions.create_competence_need(
                actor=request.user,
                ai_system=form.cleaned_data["ai_system"],
                data=form.action_data(),
                holders=form.cleaned_data["holders"],
            ),
        )
        if need is not None:
            messages.success(request, f"“{need.competence}” is recorded for {need.ai_system.reference}.")
            return redirect("components:competence_list", org=organization.slug)
    context = {"organization": organization, "form": form, "need": None}
    return render(request, "components/competence_form.html", context, status=422 if form.errors else 200)


@login_required
def competence_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    need = get_competence_need_for_user(request.user, org, pk, require=permissions.can_edit_records)
    organization = need.organization
    initial = {
        "competence": need.competence,
        "area": need.area,
        "description": need.description,
        "holders": list(need.holders.all()),
    }
    form = CompetenceNeedForm(
        request.POST or None, organization=organization, creating=False, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        done = call_action(
            form,
            lambda: actions.update_competence_need(
                actor=request.user, need=need, data=form.action_data(), holders=form.cleaned_data["holders"]
            ),
        )
        if done is not None:
            messages.success(request, f"“{done.competence}” is saved.")
            return redirect("components:competence_list", org=organization.slug)
    context = {"organization": organization, "form": form, "need": need}
    return render(request, "components/competence_form.html", context, status=422 if form.errors else 200)


@login_required
@require_POST
def competence_delete(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    need = get_competence_need_for_user(request.user, org, pk, require=permissions.can_edit_records)
    actions.delete_competence_need(actor=request.user, need=need)
    messages.success(request, f"“{need.competence}” is no longer listed for {need.ai_system.reference}.")
    return redirect("components:competence_list", org=org)
