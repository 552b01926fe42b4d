"""A version's page, writing and editing drafts, the approval moves, the diff, the PDF and the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from aims.acknowledgements.queries import version_panel
from aims.documents import actions, pdf, queries
from aims.documents.access import get_document_for_user, get_version_for_user
from aims.documents.forms import CommentForm, VersionForm
from aims.documents.models import EDITABLE_STATES, DocumentVersion
from aims.documents.permissions import can_approve_documents, can_edit_documents
from aims.lib.errors import ActionError
from aims.lib.markdown import render_markdown
from aims.web.forms import attempt
from aims.web.requests import AuthedRequest, posted, uploaded

State = DocumentVersion.State


def _version_context(request: AuthedRequest, version: DocumentVersion) -> dict[str, Any]:
    document = version.document
    organization = document.organization
    active = not document.is_withdrawn
    editor = can_edit_documents(request.user, organization) and active
    approver = can_approve_documents(request.user, organization) and active
    reviewer = approver and version.author_id != request.user.pk
    return {
        "organization": organization,
        "document": document,
        "version": version,
        "body": render_markdown(version.body),
        "can_edit": editor and version.state in EDITABLE_STATES,
        "can_submit": editor and version.state in EDITABLE_STATES,
        "can_review": reviewer and version.state == State.IN_REVIEW,
        "is_author_reviewer": approver and version.state == State.IN_REVIEW and not reviewer,
        "can_publish": approver and version.state == State.APPROVED,
        "comment_form": CommentForm(),
        "refs": document.evidences,
        "errors": [],
    }


@login_required
def version_detail(request: AuthedRequest, org: str, pk: int, number: int) -> HttpResponse:
    version = get_version_for_user(request.user, org, pk, number)
    context = _version_context(request, version)
    if version.state in (State.PUBLISHED, State.SUPERSEDED):
        context["panel"] = version_panel(version, request.user)  # who has acknowledged it (7.3)
    return render(request, "documents/version_detail.html", context)


@login_required
def version_create(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk, can_edit_documents)
    latest = document.versions.order_by("-number").first()
    form = VersionForm(posted(request), uploaded(request), version=latest)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            made, status = attempt(
                form,
                lambda: actions.create_version(
                    actor=request.user,
                    document=document,
                    body=form.cleaned_data["body"],
                    change_summary=form.cleaned_data["change_summary"],
                    upload=form.cleaned_data["upload"],
                ),
            )
            if made is not None:
                messages.success(request, f"Version {made.number} is drafted.")
                return redirect("documents:version_detail", org=org, pk=pk, number=made.number)
    context = {"organization": document.organization, "document": document, "form": form, "version": None}
    return render(request, "documents/version_form.html", context, status=status)


@login_required
def version_edit(request: AuthedRequest, org: str, pk: int, number: int) -> HttpResponse:
    version = get_version_for_user(request.user, org, pk, number, can_edit_documents)
    if version.state not in EDITABLE_STATES:
        messages.error(
            request, f"Version {number} is {version.get_state_display().lower()}; it never changes."
        )
        return redirect("documents:version_detail", org=org, pk=pk, number=number)
    form = VersionForm(posted(request), uploaded(request), version=version)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = attempt(
                form,
                lambda: actions.update_version(
                    actor=request.user,
                    version=version,
                    body=form.cleaned_data["body"],
                    change_summary=form.cleaned_data["change_summary"],
                    upload=form.cleaned_data["upload"],
                ),
            )
            if saved is not None:
                messages.success(request, f"Version {number} is saved.")
                return redirect("documents:version_detail", org=org, pk=pk, number=number)
    context = {"organization": version.document.organization, "document": version.document, "form": form,
               "version": version}  # fmt: skip
    return render(request, "documents/version_form.html", context, status=status)


Move = Callable[[Any, DocumentVersion, str], DocumentVersion]
MOVES: dict[str, Move] = {
    "submit": lambda actor, version, comment: actions.submit_version(actor=actor, version=version),
    "approve": lambda actor, version, comment: actions.approve_version(
        actor=actor, version=version, comment=comment
    ),
    "request-changes": lambda actor, version, comment: actions.request_changes(
        actor=actor, version=version, comment=comment
    ),
    "publish": lambda actor, version, comment: actions.publish_version(actor=actor, version=version),
}
DONE = {
    "submit": "is submitted for approval",
    "approve": "is approved",
    "request-changes": "is sent back with changes requested",
    "publish": "is published",
}


@login_required
@require_POST
def version_transition(request: AuthedRequest, org: str, pk: int, number: int, verb: str) -> HttpResponse:
    if verb not in DONE:
        raise Http404("No such step.")
    version = get_version_for_user(request.user, org, pk, number)
    form = CommentForm(request.POST)
    comment = form.cleaned_data.get("comment", "") if form.is_valid() else ""
    try:
        MOVES[verb](request.user, version, comment)
    except ActionError as exc:
        errors, status = [exc.message], 409
    except ValidationError as exc:
        errors, status = exc.messages, 422
    else:
        messages.success(request, f"Version {number} {DONE[verb]}.")
        return redirect("documents:version_detail", org=org, pk=pk, number=number)
    context = _version_context(request, version) | {"comment_form": form, "errors": errors}
    return render(request, "documents/version_detail.html", context, status=status)


def _number(raw: str | None, default: int) -> int:
    try:
        return int(raw) if raw else default
    except ValueError:
        return default


@login_required
def version_diff(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    document = get_document_for_user(request.user, org, pk)
    versions = queries.versions_of(document)
    if not versions:
        raise Http404("No versions.")
    newest = versions[0].number
    a = _number(request.GET.get("a"), max(newest - 1, 1))
    b = _number(request.GET.get("b"), newest)
    first, second = queries.pair_of(document, a, b)
    context = {
        "organization": document.organization,
        "document": document,
        "versions": versions,
        "diff": queries.diff_versions(first, second),
        "refs": document.evidences,
    }
    return render(request, "documents/version_diff.html", context)


@login_required
def version_pdf(request: AuthedRequest, org: str, pk: int, number: int) -> HttpResponse:
    version = get_version_for_user(request.user, org, pk, number)
    response = HttpResponse(pdf.version_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(version)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def file_response(version: DocumentVersion) -> FileResponse:
    """The stored file, always as a download with the type found when it was checked."""
    if not version.file:
        raise Http404("This version has no file.")
    response = FileResponse(
        version.file.open("rb"),
        as_attachment=True,
        filename=version.file_name or version.file.name.rsplit("/", 1)[-1],
        content_type=version.file_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def version_file(request: AuthedRequest, org: str, pk: int, number: int) -> FileResponse:
    return file_response(get_version_for_user(request.user, org, pk, number))
