"""HTML pages of readiness: every rule with its result, the AI systems an auditor would sample, the report,
and the thresholds."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from aims.organizations.access import get_organization_for_user
from aims.readiness import actions, engine, queries
from aims.readiness.forms import RuleFilterForm, SettingsForm
from aims.readiness.permissions import can_change_readiness_settings, can_view_readiness
from aims.readiness.report import render_pdf
from aims.web.forms import attempt
from aims.web.pagination import paginate_request, query_without_page
from aims.web.requests import AuthedRequest


@login_required
def readiness_page(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_view_readiness)
    readiness = engine.evaluate(organization)
    form = RuleFilterForm(request.GET or None)
    wanted = {k: v for k, v in form.cleaned_data.items() if v} if form.is_valid() else {}
    rules = queries.filter_rules(
        [{"result": r, **engine.result_dict(r)} for r in readiness.results],
        stage=wanted.get("stage") or None,
        clause=(wanted.get("clause") or "").strip() or None,
        failing=wanted.get("status", "failing") != "all",
    )
    ordered = sorted((r["result"] for r in rules), key=lambda r: (r.ok, r.severity.rank, r.id))
    systems = paginate_request(
        request, queries.systems_by_completeness(organization, readiness.judged_on), default_size=20
    )
    context = {
        "organization": organization,
        "readiness": readiness,
        "summary": readiness.counts(),
        "rules": ordered,
        "form": form,
        "systems": systems,
        "rows": queries.completeness_rows(systems.items),
        "check_names": [label for _, label in queries.CHECK_NAMES],
        "can_change_settings": can_change_readiness_settings(request.user, organization),
        "query": query_without_page(request),
    }
    return render(request, "readiness/readiness.html", context)


@login_required
def readiness_report(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_view_readiness)
    pdf = render_pdf(organization, engine.evaluate(organization))
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"readiness-{organization.slug}-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def settings_edit(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_view_readiness)
    current = engine.settings_for(organization)
    form = SettingsForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST":
        organization = get_organization_for_user(request.user, org, require=can_change_readiness_settings)
        status = 422
        if form.is_valid():
            values = {name: form.cleaned_data[name] for name in actions.SETTING_FIELDS}
            done, status = attempt(
                form,
                lambda: actions.update_readiness_settings(
                    actor=request.user, organization=organization, **values
                ),
            )
            if done is not None:
                messages.success(
                    request, "The readiness thresholds are saved; readiness is judged by them now."
                )
                return redirect("readiness:readiness", org=organization.slug)
    context = {
        "organization": organization,
        "form": form,
        "can_change_settings": can_change_readiness_settings(request.user, organization),
    }
    return render(request, "readiness/settings.html", context, status=status)
