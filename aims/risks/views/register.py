"""The register page (filters, heat maps, list), and the pages to add, edit and read one risk."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render

from aims.organizations.access import get_organization_for_user
from aims.risks import actions, permissions, queries, report
from aims.risks.access import get_risk_for_user
from aims.risks.forms import ActionForm, FilterForm, RiskForm
from aims.risks.models import Risk
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without

COLUMNS = (
    ("Reference", "reference"),
    ("Risk", "title"),
    ("AI system", ""),
    ("Source", ""),
    ("Owner", ""),
    ("Status", ""),
    ("Inherent", "level"),
    ("Residual", "residual"),
    ("Next review", "review"),
)
FILTER_NAMES = (
    "q",
    "status",
    "kind",
    "ai_system",
    "level",
    "residual_level",
    "owner",
    "source",
    "due",
    "likelihood",
    "consequence",
)


def _columns(current: str) -> list[dict[str, str]]:
    shown = []
    for label, key in COLUMNS:
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        link = (f"-{key}" if state == "ascending" else key) if key else ""
        shown.append({"label": label, "link": link, "state": state})
    return shown


@login_required
def risk_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    criteria = actions.current_criteria(organization)
    spec = criteria.spec() if criteria else None
    form = FilterForm(request.GET or None, organization=organization, spec=spec)
    wanted = form.risk_filter() if not form.is_bound or form.is_valid() else None
    page = None
    if wanted is not None:
        page = paginate_request(request, queries.list_rows(queries.risks_for(organization, wanted)))
    context: dict[str, Any] = {
        "organization": organization,
        "criteria": criteria,
        "form": form,
        "page": page,
        "due_ids": queries.due_ids(page.items) if page else set(),
        "filtered": any(request.GET.get(name) for name in FILTER_NAMES),
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": _columns(wanted.sort if wanted else ""),
        "can_edit": permissions.can_edit_risks(request.user, organization),
        "refs": Risk.evidences,
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    template = "risks/risk_list.html#records" if partial else "risks/risk_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def risk_report(request: AuthedRequest, org: str) -> HttpResponse:
    """The register as a PDF: both heat maps and the open risks, for management and auditors."""
    organization = get_organization_for_user(request.user, org)
    found = report.risk_report(organization)
    response = HttpResponse(report.risk_report_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename(found)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def heat_maps(request: AuthedRequest, org: str) -> HttpResponse:
    """The inherent and residual heat maps; the register page loads them after the list (htmx), and this
    page shows them alone without JavaScript."""
    organization = get_organization_for_user(request.user, org)
    criteria = actions.current_criteria(organization)
    spec = criteria.spec() if criteria else None
    maps = [queries.heat_map(organization, residual, spec=spec) for residual in (False, True)] if spec else []
    context = {"organization": organization, "criteria": criteria, "heat_maps": maps}
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    return render(request, "risks/heat_maps.html#maps" if partial else "risks/heat_maps.html", context)


def _form_page(request: AuthedRequest, context: dict[str, Any], status: int) -> HttpResponse:
    return render(request, "risks/risk_form.html", context, status=status)


@login_required
def risk_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_risks)
    form = RiskForm(posted(request), organization=organization)
    if request.method != "POST" and request.GET.get("ai_system"):
        form.initial["ai_system"] = request.GET["ai_system"]
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.identify_risk(
                    actor=request.user,
                    organization=organization,
                    objectives=form.objectives(),
                    **form.values(),
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is recorded. Assess it next.")
                return redirect("risks:risk_detail", org=org, pk=created.pk)
    return _form_page(request, {"organization": organization, "form": form, "risk": None}, status)


@login_required
def risk_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    risk = get_risk_for_user(request.user, org, pk, permissions.can_edit_risks)
    form = RiskForm(posted(request), organization=risk.organization, instance=risk)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_risk(
                    actor=request.user, risk=risk, changes=form.values(), objectives=form.objectives()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("risks:risk_detail", org=org, pk=pk)
    return _form_page(request, {"organization": risk.organization, "form": form, "risk": risk}, status)


@login_required
def risk_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    risk = get_risk_for_user(request.user, org, pk)
    organization = risk.organization
    can_edit = permissions.can_edit_risks(request.user, organization)
    residual_level = (
        risk.residual_criteria.spec().level(risk.residual_level_key) if risk.residual_criteria else None
    )
    context: dict[str, Any] = {
        "organization": organization,
        "risk": risk,
        "is_due": risk.pk in queries.due_ids([risk]),
        "rule": residual_level.rule() if residual_level else "",
        "can_edit": can_edit,
        "can_close": permissions.can_close_risks(request.user, organization),
        "can_accept": bool(
            residual_level and permissions.can_accept_level(request.user, organization, residual_level)
        ),
        "action_form": ActionForm(organization=organization) if can_edit else None,
        "refs": Risk.evidences,
        **queries.detail_rows(risk),
    }
    return render(request, "risks/risk_detail.html", context)
