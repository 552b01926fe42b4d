"""The register, a document's page, and creating, editing, withdrawing and reviewing documents."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.documents import actions, queries
from aims.documents.access import get_document_for_user
from aims.documents.forms import DocumentForm, FilterForm, ReviewForm, WithdrawForm
from aims.documents.models import IN_PROGRESS_STATES, Document, DocumentVersion
from aims.documents.permissions import can_approve_documents, can_edit_documents
from aims.documents.views.common import is_partial, sort_columns
from aims.organizations.access import get_organization_for_user
from aims.web.forms import attempt
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, posted, query_without, uploaded

State = DocumentVersion.State


@login_required
def document_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    wanted = form.document_filter() if not form.is_bound or form.is_valid() else None
    rows = queries.documents_for(organization, wanted).only(*queries.LIST_FIELDS) if wanted else None
    page = paginate_request(request, rows) if rows is not None else None
    for row in page.items if page else ():
        row.in_progress_label = State(row.in_progress).label if row.in_progress else ""
    filtered = any(request.GET.get(name) for name in ("q", "kind", "stage", "owner", "review", "status"))
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": filtered,
        "query": query_without(request, "page"),
        "sort_query": query_without(request, "page", "sort"),
        "columns": sort_columns(wanted.sort if wanted else "", queries.SORTS),
        "can_edit": can_edit_documents(request.user, organization),
        "refs": Document.evidences,
    }
    template = "documents/document_list.html#rows" if is_partial(request) else "documents/document_list.html"
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def document_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_documents)
    form = DocumentForm(posted(request), uploaded(request), organization=organization)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = attempt(
                form,
                lambda: actions.create_document(
                    actor=request.user, organization=organization, **form.creation()
                ),
            )
            if created is not None:
                messages.success(request, f"{created} is registered; version 1 is a draft.")
                return redirect("documents:document_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "document": None}
    return render(request, "documents/document_form.html", context, status=status)


@login_required
def document_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk, can_edit_documents)
    form = DocumentForm(posted(request), organization=document.organization, instance=document)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_document(
                    actor=request.user,
                    document=document,
                    changes=form.metadata(),
                    distribution=form.distribution(),
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved} is saved.")
                return redirect("documents:document_detail", org=org, pk=pk)
    context = {"organization": document.organization, "form": form, "document": document}
    return render(request, "documents/document_form.html", context, status=status)


def _detail_context(request: AuthedRequest, document: Document) -> dict[str, Any]:
    organization = document.organization
    versions = queries.versions_of(document)
    return {
        "organization": organization,
        "document": document,
        "versions": versions,
        "in_progress": next((v for v in versions if v.state in IN_PROGRESS_STATES), None),
        "distribution": list(document.distribution.order_by("full_name", "email")),
        "timeline": queries.timeline(document, versions),
        "can_edit": can_edit_documents(request.user, organization) and not document.is_withdrawn,
        "can_approve": can_approve_documents(request.user, organization) and not document.is_withdrawn,
        "can_review": actions.can_mark_reviewed(request.user, document) and not document.is_withdrawn,
        "withdraw_form": WithdrawForm(),
        "review_form": ReviewForm(),
        "refs": Document.evidences,
    }


@login_required
def document_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk)
    return render(request, "documents/document_detail.html", _detail_context(request, document))


def _detail_with_error(
    request: AuthedRequest, document: Document, form: Any, name: str, status: int
) -> HttpResponse:
    context = _detail_context(request, document) | {name: form}
    return render(request, "documents/document_detail.html", context, status=status)


@login_required
@require_POST
def document_withdraw(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk, can_approve_documents)
    form = WithdrawForm(request.POST)
    status = 422
    if form.is_valid():
        done, status = attempt(
            form,
            lambda: actions.withdraw_document(
                actor=request.user, document=document, reason=form.cleaned_data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, f"{done} is withdrawn.")
            return redirect("documents:document_detail", org=org, pk=pk)
    return _detail_with_error(request, document, form, "withdraw_form", status)


@login_required
@require_POST
def document_reviewed(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk)
    form = ReviewForm(request.POST)
    status = 422
    if form.is_valid():
        done, status = attempt(
            form,
            lambda: actions.mark_document_reviewed(
                actor=request.user, document=document, notes=form.cleaned_data["notes"]
            ),
        )
        if done is not None:
            messages.success(request, f"The review is recorded; next review on {done.next_review_on}.")
            return redirect("documents:document_detail", org=org, pk=pk)
    return _detail_with_error(request, document, form, "review_form", status)
