"""HTML pages of the evidence register. Each parses its form and calls one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from aims.evidence import actions, queries
from aims.evidence.access import get_evidence_for_user, get_link_for_user
from aims.evidence.forms import (
    EvidenceEditForm,
    EvidenceForm,
    FilterForm,
    RecordLinkForm,
    RequirementLinkForm,
    RetireForm,
)
from aims.evidence.links import find_record, record_types
from aims.evidence.models import Evidence
from aims.evidence.permissions import can_download_evidence, can_edit_evidence
from aims.organizations.access import get_organization_for_user
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest, query_without

T = TypeVar("T")
_FILTERS = ("q", "kind", "freshness", "owner", "requirement", "status")


def _attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def _is_partial(request: AuthedRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


@login_required
def evidence_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    form = FilterForm(request.GET or None, organization=organization)
    page = None
    if not form.is_bound or form.is_valid():
        page = paginate_request(request, queries.evidence_list(organization, form.evidence_filter()))
        queries.with_link_counts(page.items)
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "filtered": any(request.GET.get(name) for name in _FILTERS),
        "query": query_without(request, "page"),
        "can_edit": can_edit_evidence(request.user, organization),
        "refs": Evidence.evidences,
    }
    template = (
        "evidence/evidence_list.html#records" if _is_partial(request) else "evidence/evidence_list.html"
    )
    return render(request, template, context, status=400 if form.errors else 200)


@login_required
def evidence_expiring(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    page = paginate_request(request, queries.expired_and_expiring(organization))
    queries.with_link_counts(page.items)
    context = {
        "organization": organization,
        "page": page,
        "query": query_without(request, "page"),
        "can_edit": can_edit_evidence(request.user, organization),
    }
    return render(request, "evidence/evidence_expiring.html", context)


def _create(request: AuthedRequest, org: str, kind: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_evidence)
    posted = request.method == "POST"
    initial = {
        "record": request.GET.get("record", ""),
        "owner": request.user.pk,
        "collected_on": timezone.localdate(),
    }
    form = EvidenceForm(
        request.POST if posted else None,
        request.FILES if posted else None,
        organization=organization,
        kind=kind,
        initial=initial,
    )
    attached = _attached_to(organization, request.GET.get("record", ""))
    status = 200
    if posted:
        status = 422
        if form.is_valid():
            created, status = _attempt(form, lambda: _add(request, organization, form))
            if created is not None:
                messages.success(request, f"{created} is recorded.")
                return redirect("evidence:evidence_detail", org=org, pk=created.pk)
    context = {"organization": organization, "form": form, "kind": kind, "attached": attached}
    return render(request, "evidence/evidence_form.html", context, status=status)


def _attached_to(organization: Any, value: str) -> Any:
    label, _, pk = value.partition(":")
    try:
        return find_record(organization, label, int(pk)) if label else None
    except (ValidationError, ValueError):
        return None


def _add(request: AuthedRequest, organization: Any, form: EvidenceForm) -> Evidence:
    common = {"actor": request.user, "organization": organization, "supports": form.supports()}
    if form.kind == Evidence.Kind.FILE:
        return actions.add_evidence_file(upload=form.cleaned_data["file"], **common, **form.values())
    return actions.add_evidence_link(url=form.cleaned_data["url"], **common, **form.values())


@login_required
def evidence_create_file(request: AuthedRequest, org: str) -> HttpResponse:
    return _create(request, org, Evidence.Kind.FILE)


@login_required
def evidence_create_link(request: AuthedRequest, org: str) -> HttpResponse:
    return _create(request, org, Evidence.Kind.LINK)


def _detail_page(
    request: AuthedRequest, evidence: Evidence, status: int = 200, **forms_: forms.Form
) -> HttpResponse:
    organization = evidence.organization
    context: dict[str, Any] = {
        "organization": organization,
        "evidence": evidence,
        "links": queries.links_of(evidence),
        "history": queries.history_rows(queries.history_of(evidence)),
        "can_edit": can_edit_evidence(request.user, organization) and not evidence.is_retired,
        "can_download": can_download_evidence(request.user, organization),
        "requirement_form": forms_.get("requirement_form") or RequirementLinkForm(),
        "record_form": forms_.get("record_form") or RecordLinkForm(),
        "retire_form": forms_.get("retire_form") or RetireForm(),
        "record_types": record_types(),
        "refs": Evidence.evidences,
    }
    return render(request, "evidence/evidence_detail.html", context, status=status)


@login_required
def evidence_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    return _detail_page(request, get_evidence_for_user(request.user, org, pk))


@login_required
def evidence_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    evidence = get_evidence_for_user(request.user, org, pk, can_edit_evidence)
    form = EvidenceEditForm(request.POST if request.method == "POST" else None, evidence=evidence)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            changes = dict(form.cleaned_data)
            saved, status = _attempt(
                form, lambda: actions.update_evidence(actor=request.user, evidence=evidence, changes=changes)
            )
            if saved is not None:
                messages.success(request, f"{saved} is saved.")
                return redirect("evidence:evidence_detail", org=org, pk=pk)
    context = {"organization": evidence.organization, "form": form, "evidence": evidence}
    return render(request, "evidence/evidence_edit.html", context, status=status)


@login_required
def evidence_download(request: AuthedRequest, org: str, pk: int) -> FileResponse:
    """The file, always as an attachment, never shown in the browser; for editors and auditors."""
    evidence = get_evidence_for_user(request.user, org, pk, can_download_evidence)
    return file_response(evidence)


def file_response(evidence: Evidence) -> FileResponse:
    if not evidence.is_file or not evidence.file:
        raise Http404("This evidence is a link; it has no file.")
    response = FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.file_name or evidence.file.name.rsplit("/", 1)[-1],
        content_type=evidence.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def evidence_retire(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    evidence = get_evidence_for_user(request.user, org, pk, can_edit_evidence)
    form = RetireForm(request.POST)
    if form.is_valid():
        reason = form.cleaned_data["reason"]
        done, status = _attempt(
            form, lambda: actions.retire_evidence(actor=request.user, evidence=evidence, reason=reason)
        )
        if done is not None:
            messages.success(request, f"{done.reference} is retired; it stays in the register.")
            return redirect("evidence:evidence_detail", org=org, pk=pk)
        return _detail_page(request, evidence, status, retire_form=form)
    return _detail_page(request, evidence, 422, retire_form=form)


@login_required
@require_POST
def evidence_link_requirement(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    evidence = get_evidence_for_user(request.user, org, pk, can_edit_evidence)
    form = RequirementLinkForm(request.POST)
    status = 422
    if form.is_valid():
        item, note = form.cleaned_data["requirement"], form.cleaned_data["note"]
        done, status = _attempt(
            form, lambda: actions.link_evidence(actor=request.user, evidence=evidence, target=item, note=note)
        )
        if done is not None:
            messages.success(request, f"{evidence.reference} now supports {item.ref}.")
            return redirect("evidence:evidence_detail", org=org, pk=pk)
    return _detail_page(request, evidence, status, requirement_form=form)


@login_required
@require_POST
def evidence_link_record(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    evidence = get_evidence_for_user(request.user, org, pk, can_edit_evidence)
    form = RecordLinkForm(request.POST)
    status = 422
    if form.is_valid():
        data = form.cleaned_data

        def link() -> Any:
            target = find_record(evidence.organization, data["record_type"], data["reference"].strip())
            return actions.link_evidence(
                actor=request.user, evidence=evidence, target=target, note=data["note"]
            )

        done, status = _attempt(form, link)
        if done is not None:
            messages.success(request, f"{evidence.reference} now supports {data['reference'].strip()}.")
            return redirect("evidence:evidence_detail", org=org, pk=pk)
    return _detail_page(request, evidence, status, record_form=form)


@login_required
@require_POST
def evidence_unlink(request: AuthedRequest, org: str, pk: int, link_id: int) -> HttpResponse:
    link = get_link_for_user(request.user, org, pk, link_id, can_edit_evidence)
    actions.unlink_evidence(actor=request.user, link=link)
    messages.success(request, "The link is removed; the evidence stays.")
    return redirect("evidence:evidence_detail", org=org, pk=pk)
