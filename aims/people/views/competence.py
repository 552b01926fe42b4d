"""HTML pages of competence and awareness (7.2, 7.3, A.4.6): competences, training records with evidence,
the gap matrix and AI literacy (EU AI Act Art. 4)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render

from aims.organizations.access import get_organization_for_user
from aims.people import actions, permissions
from aims.people import competence_queries as cq
from aims.people.access import can_download_evidence, get_competence_for_user, get_training_record_for_user
from aims.people.competence_forms import (
    CompetenceFilterForm,
    CompetenceForm,
    TrainingFilterForm,
    TrainingForm,
)
from aims.people.models import Competence, TrainingRecord
from aims.people.views.common import is_partial, sort_columns
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without


@login_required
def competence_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = CompetenceFilterForm(request.GET or None)
    page = None
    if not form.is_bound or form.is_valid():
        data = form.cleaned_data if form.is_bound else {}
        competences = cq.competences_for(
            organization,
            (data.get("q") or "").strip(),
            bool(data.get("literacy")),
            data.get("sort") or "name",
        )
        page = paginate_request(request, competences)
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "query": query_without(request, "page"),
        "can_manage": permissions.can_manage_roles(request.user, organization),
        "refs": Competence.evidences,
    }
    return render(request, "people/competence_list.html", context, status=400 if form.errors else 200)


@login_required
def competence_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=permissions.can_manage_roles)
    form = CompetenceForm(posted(request))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = attempt(
                form,
                lambda: actions.create_competence(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if done is not None:
                messages.success(request, f"The competence {done} is defined.")
                return redirect("people:competence_list", org=org)
    context = {"organization": organization, "form": form, "competence": None}
    return render(request, "people/competence_form.html", context, status=status)


@login_required
def competence_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    competence = get_competence_for_user(request.user, org, pk, permissions.can_manage_roles)
    initial = {f: getattr(competence, f) for f in ("name", "description", "is_ai_literacy")}
    form = CompetenceForm(posted(request), initial=initial)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = attempt(
                form,
                lambda: actions.update_competence(
                    actor=request.user, competence=competence, changes=form.cleaned_data
                ),
            )
            if done is not None:
                messages.success(request, f"The competence {done} is saved.")
                return redirect("people:competence_list", org=org)
    context = {"organization": competence.organization, "form": form, "competence": competence}
    return render(request, "people/competence_form.html", context, status=status)


@login_required
def training_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = TrainingFilterForm(request.GET or None, organization=organization)
    page, wanted = None, cq.TrainingFilter()
    if not form.is_bound or form.is_valid():
        wanted = form.training_filter()
        page = paginate_request(request, cq.training_for(organization, wanted))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(wanted.sort, cq.TRAINING_SORTS),
        "refs": TrainingRecord.evidences,
    }
    template = "people/training_list.html#records" if is_partial(request) else "people/training_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def training_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    if request.method == "POST":
        form = TrainingForm(request.POST, request.FILES, organization=organization)
    else:
        form = TrainingForm(organization=organization, initial={"user": request.user})
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            done, status = attempt(
                form,
                lambda: actions.record_training(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if done is not None:
                messages.success(request, f"{done} is recorded for {done.user.email}.")
                return redirect("people:training_list", org=org)
    context = {"organization": organization, "form": form}
    return render(request, "people/training_form.html", context, status=status)


@login_required
def training_evidence(request: AuthedRequest, org: str, pk: int) -> FileResponse:
    """The evidence file, always as a download, for the person and those who check competence."""
    training = get_training_record_for_user(request.user, org, pk)
    if not can_download_evidence(request.user, training):
        raise PermissionDenied("Only the person, owners, managers and auditors can open this evidence.")
    if not training.evidence:
        raise Http404("This record has no evidence file.")
    response = FileResponse(
        training.evidence.open("rb"),
        as_attachment=True,
        filename=training.evidence_name or training.evidence.name.rsplit("/", 1)[-1],
        content_type=training.evidence_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def competence_matrix(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    context = {
        "organization": organization,
        "matrix": cq.gap_matrix(organization),
        "refs": Competence.evidences,
    }
    return render(request, "people/competence_matrix.html", context)


@login_required
def literacy(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    rows = cq.ai_literacy(organization)
    context = {
        "organization": organization,
        "rows": rows,
        "done": sum(row.status == cq.HELD for row in rows),
        "refs": ("7.3", "A.4.6"),
    }
    return render(request, "people/literacy.html", context)
