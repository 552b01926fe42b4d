"""EU AI Act pages: the systems with their class, the questionnaire, a system's result and its history."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render

from aims.ai_systems.access import get_ai_system_for_user
from aims.eu_ai_act import actions, queries
from aims.eu_ai_act.access import get_classification_for_user
from aims.eu_ai_act.answers import answered
from aims.eu_ai_act.forms import QuestionnaireForm, SystemFilterForm, initial_from
from aims.eu_ai_act.models import Classification
from aims.eu_ai_act.permissions import can_classify_ai_system
from aims.organizations import permissions as org_permissions
from aims.organizations.access import get_organization_for_user
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest


def _query_without_page(request: AuthedRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _is_partial(request: AuthedRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


@login_required
def classification_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = SystemFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        wanted = form.system_filter() if form.is_bound else queries.SystemFilter()
        page = paginate_request(request, queries.systems_for(organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": form.is_bound and form.has_changed(),
        "query": _query_without_page(request),
        "can_classify": org_permissions.can_edit_records(request.user, organization),
        "evidences": Classification.evidences,
    }
    template = "eu_ai_act/classification_list.html"
    if _is_partial(request):
        template += "#systems"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def system_classify(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    ai_system = get_ai_system_for_user(request.user, org, pk, perm=org_permissions.can_edit_records)
    current = queries.current_classification(ai_system)
    form = QuestionnaireForm(request.POST or None, initial=initial_from(current))
    if request.method == "POST" and form.is_valid():
        classification = call_action(
            form,
            lambda: actions.classify_ai_system(
                actor=request.user,
                ai_system=ai_system,
                answers=form.answers(),
                operator_role=form.cleaned_data["operator_role"],
            ),
        )
        if classification is not None:
            messages.success(
                request, f"{ai_system.name} is classified: {classification.get_risk_class_display()}."
            )
            return redirect("eu_ai_act:system_result", org=org, pk=ai_system.pk)
    context = {
        "organization": ai_system.organization,
        "system": ai_system,
        "form": form,
        "steps": form.sections(),
        "current": current,
    }
    return render(request, "eu_ai_act/classify.html", context, status=422 if form.errors else 200)


def _result_context(classification: Classification | None) -> dict[str, Any]:
    if classification is None:
        return {"classification": None}
    return {"classification": classification, "answered": answered(classification.answers)}


@login_required
def system_result(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    ai_system = get_ai_system_for_user(request.user, org, pk)
    context = {
        "organization": ai_system.organization,
        "system": ai_system,
        "can_classify": can_classify_ai_system(request.user, ai_system),
        "history": queries.history_page(request, ai_system),
        "query": _query_without_page(request),
        **_result_context(queries.current_classification(ai_system)),
    }
    return render(request, "eu_ai_act/system_result.html", context)


@login_required
def classification_detail(request: AuthedRequest, org: str, pk: int, classification: int) -> HttpResponse:
    found = get_classification_for_user(request.user, org, classification)
    if found.ai_system_id != pk:
        raise Http404("No such classification.")
    context = {
        "organization": found.organization,
        "system": found.ai_system,
        **_result_context(found),
    }
    return render(request, "eu_ai_act/classification_detail.html", context)
