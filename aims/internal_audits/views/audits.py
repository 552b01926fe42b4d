"""The audit register with its coverage chart, one audit with its checklist, the forms and the buttons."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aims.internal_audits import actions, permissions, queries, report
from aims.internal_audits.access import get_audit_for_user
from aims.internal_audits.forms import AuditForm, ConclusionForm, FilterForm
from aims.internal_audits.models import FINDINGS, InternalAudit, Result
from aims.internal_audits.views._common import run
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.htmx import filtered_page, render_records
from aims.web.requests import AuthedRequest, posted


@login_required
def audit_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    context, status = filtered_page(request, form, lambda wanted: queries.audits_for(organization, wanted))
    rows = queries.coverage(queries.recent_audits(organization, timezone.localdate()))
    context.update(
        organization=organization,
        can_edit=permissions.can_work_on_audits(request.user, organization),
        coverage=rows,
        chart=queries.coverage_chart(rows),
        refs=InternalAudit.evidences,
    )
    return render_records(request, "internal_audits/audit_list.html", context, status=status)


def _form_page(
    request: AuthedRequest, form: AuditForm, audit: InternalAudit | None, status: int
) -> HttpResponse:
    context = {"organization": form.organization, "form": form, "audit": audit}
    return render(request, "internal_audits/audit_form.html", context, status=status)


@login_required
def audit_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_work_on_audits)
    form = AuditForm(posted(request), organization=organization)
    if request.method != "POST" and request.GET.get("programme"):
        form.initial["programme"] = request.GET["programme"]
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.plan_audit(
                    actor=request.user, organization=organization, **form.relations(), **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"{created.reference} is planned.")
                return redirect("internal_audits:audit_detail", org=org, pk=created.pk)
    return _form_page(request, form, None, status)


@login_required
def audit_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, org, pk, permissions.can_work_on_audits)
    form = AuditForm(posted(request), organization=audit.organization, instance=audit)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_audit(
                    actor=request.user, audit=audit, changes=form.values(), **form.relations()
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved.reference} is saved.")
                return redirect("internal_audits:audit_detail", org=org, pk=pk)
    return _form_page(request, form, audit, status)


def detail_context(request: AuthedRequest, audit: InternalAudit) -> dict[str, Any]:
    organization = audit.organization
    fresh = queries.with_relations(InternalAudit.objects.filter(pk=audit.pk)).get()
    items = queries.checklist(fresh)
    assessed = sum(1 for i in items if i.result != Result.NOT_ASSESSED)
    can_decide = permissions.can_decide_audits(request.user, organization)
    return {
        "organization": organization,
        "audit": fresh,
        "groups": queries.grouped(items, queries.group_titles()),
        "total": len(items),
        "assessed": assessed,
        "percent": round(100 * assessed / len(items)) if items else 0,
        "counts": queries.result_counts(items),
        "findings": [i for i in items if i.result in FINDINGS],
        "results": Result.choices,
        "can_edit": permissions.can_work_on_audits(request.user, organization) and fresh.is_open,
        "can_conduct": permissions.can_conduct_audit(request.user, fresh),
        "can_decide": can_decide,
        "conclusion_form": ConclusionForm(initial={"conclusion": fresh.conclusion}),
        "refs": InternalAudit.evidences,
    }


@login_required
def audit_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, org, pk)
    return render(request, "internal_audits/audit_detail.html", detail_context(request, audit))


MOVES = {
    "start": ("started", permissions.can_work_on_audits),
    "report": ("reported", permissions.can_work_on_audits),
    "close": ("closed", permissions.can_decide_audits),
    "cancel": ("cancelled", permissions.can_decide_audits),
}


@login_required
@require_POST
def audit_move(request: AuthedRequest, org: str, pk: int, move: str) -> HttpResponse:
    if move not in MOVES:
        raise Http404("No such step.")
    done, perm = MOVES[move]
    audit = get_audit_for_user(request.user, org, pk, perm)
    actor = request.user

    def step() -> Any:
        if move == "start":
            return actions.start_audit(actor=actor, audit=audit)
        if move == "report":
            form = ConclusionForm(request.POST)
            form.is_valid()
            data = form.cleaned_data
            return actions.report_audit(
                actor=actor, audit=audit, conclusion=data.get("conclusion", ""), ended_on=data.get("ended_on")
            )
        if move == "close":
            return actions.close_audit(actor=actor, audit=audit)
        return actions.cancel_audit(actor=actor, audit=audit)

    return run(request, step, f"{audit.reference} is {done}.", "internal_audits:audit_detail", org=org, pk=pk)


@login_required
@require_POST
def checklist_generate(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    audit = get_audit_for_user(request.user, org, pk, permissions.can_work_on_audits)
    added: list[int] = []
    return run(
        request,
        lambda: added.append(actions.generate_checklist(actor=request.user, audit=audit)),
        "The checklist is up to date with the scope.",
        "internal_audits:audit_detail",
        org=org,
        pk=pk,
    )


@login_required
def audit_pdf(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    """The audit report as a PDF (a draft until the audit is reported)."""
    audit = get_audit_for_user(request.user, org, pk)
    found = report.audit_report(audit)
    response = HttpResponse(report.audit_report_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename(found)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
