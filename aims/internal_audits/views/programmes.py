"""Audit programmes (9.2.2): the list, one programme with its audits and coverage, create, edit, approve."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.internal_audits import actions, permissions, queries
from aims.internal_audits.access import get_programme_for_user
from aims.internal_audits.forms import ProgrammeForm
from aims.internal_audits.models import AuditProgramme, InternalAudit
from aims.internal_audits.views._common import run
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.requests import AuthedRequest, posted


@login_required
def programme_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    context = {
        "organization": organization,
        "programmes": list(queries.programmes_for(organization)[:100]),
        "can_edit": permissions.can_work_on_audits(request.user, organization),
        "refs": AuditProgramme.evidences,
    }
    return render(request, "internal_audits/programme_list.html", context)


@login_required
def programme_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, org, pk)
    organization = programme.organization
    audits = InternalAudit.objects.filter(programme=programme)
    rows = queries.coverage(audits)
    context = {
        "organization": organization,
        "programme": programme,
        "audits": list(queries.with_relations(audits).order_by("planned_start", "number")),
        "coverage": rows,
        "chart": queries.coverage_chart(rows),
        "can_edit": permissions.can_work_on_audits(request.user, organization),
        "can_decide": permissions.can_decide_audits(request.user, organization),
        "refs": AuditProgramme.evidences,
    }
    return render(request, "internal_audits/programme_detail.html", context)


@login_required
def programme_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_work_on_audits)
    form = ProgrammeForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.create_programme(
                    actor=request.user, organization=organization, **form.values()
                ),
            )
            if created is not None:
                messages.success(request, f"The {created.cycle} programme is drafted.")
                return redirect("internal_audits:programme_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "programme": None}
    return render(request, "internal_audits/programme_form.html", context, status=status)


@login_required
def programme_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, org, pk, permissions.can_work_on_audits)
    form = ProgrammeForm(posted(request), instance=programme)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_programme(
                    actor=request.user, programme=programme, changes=form.values()
                ),
            )
            if saved is not None:
                messages.success(request, "The programme is saved; it is a draft until approved.")
                return redirect("internal_audits:programme_detail", org=org, pk=pk)
    context = {"organization": programme.organization, "form": form, "programme": programme}
    return render(request, "internal_audits/programme_form.html", context, status=status)


@login_required
@require_POST
def programme_approve(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    programme = get_programme_for_user(request.user, org, pk, permissions.can_decide_audits)
    return run(
        request,
        lambda: actions.approve_programme(actor=request.user, programme=programme),
        f"The {programme.cycle} programme is approved.",
        "internal_audits:programme_detail",
        org=org,
        pk=pk,
    )
