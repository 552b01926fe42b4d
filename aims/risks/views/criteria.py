"""The risk criteria page: the version in force, its matrix and acceptance rules, the versions, and drafts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.lib.errors import ActionError
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.risks import actions, permissions
from aims.risks.access import get_criteria_for_user
from aims.risks.forms import CriteriaForm
from aims.risks.levels import CriteriaSpec, level_for
from aims.risks.models import RiskCriteria
from aims.web.forms import attempt
from aims.web.requests import AuthedRequest


def _grid(spec: CriteriaSpec) -> list[dict[str, Any]]:
    """The matrix as rows for the template, highest likelihood first."""
    return [
        {"point": point, "cells": [level_for(spec, point.value, c.value) for c in spec.consequence]}
        for point in reversed(spec.likelihood)
    ]


def _page(
    request: AuthedRequest, organization: Organization, form: CriteriaForm | None, status: int = 200
) -> HttpResponse:
    versions = list(
        RiskCriteria.objects.filter(organization=organization)
        .select_related("approved_by", "created_by")
        .prefetch_related("scale_points", "levels")
        .order_by("-version")[:20]
    )
    shown = [{"criteria": v, "spec": v.spec(), "grid": _grid(v.spec())} for v in versions]
    can_draft = permissions.can_draft_criteria(request.user, organization)
    draft = next((v for v in versions if v.is_draft), None)
    if form is None and can_draft and draft is None:
        current = next((v for v in versions if v.state == RiskCriteria.State.IN_FORCE), None)
        form = CriteriaForm(initial=CriteriaForm.initial_for(current.spec()) if current else None)
    context = {
        "organization": organization,
        "versions": shown,
        "form": form if draft is None else None,
        "can_draft": can_draft,
        "can_approve": permissions.can_approve_criteria(request.user, organization),
        "refs": RiskCriteria.evidences,
    }
    return render(request, "risks/criteria.html", context, status=status)


@login_required
def criteria(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    if request.method != "POST":
        actions.ensure_default_criteria(organization)
        return _page(request, organization, None)
    organization = get_organization_for_user(request.user, org, require=permissions.can_draft_criteria)
    form = CriteriaForm(request.POST)
    if not form.is_valid():
        return _page(request, organization, form, 422)
    notes = form.cleaned_data["notes"]
    drafted, status = attempt(
        form,
        lambda: actions.draft_criteria(
            actor=request.user, organization=organization, spec=form.spec(), notes=notes
        ),
    )
    if drafted is None:
        return _page(request, organization, form, status)
    messages.success(
        request, f"Version {drafted.version} of the risk criteria is drafted; an owner puts it in force."
    )
    return redirect("risks:criteria", org=org)


@login_required
@require_POST
def criteria_approve(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    version = get_criteria_for_user(request.user, org, pk, permissions.can_approve_criteria)
    try:
        actions.approve_criteria(actor=request.user, criteria=version)
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Version {version.version} of the risk criteria is in force.")
    return redirect("risks:criteria", org=org)


@login_required
@require_POST
def criteria_discard(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    version = get_criteria_for_user(request.user, org, pk, permissions.can_draft_criteria)
    try:
        actions.discard_criteria_draft(actor=request.user, criteria=version)
    except ActionError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"The draft version {version.version} is discarded.")
    return redirect("risks:criteria", org=org)
