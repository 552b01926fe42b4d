"""HTML pages of the Statement of Applicability. Each parses its form and calls one action."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from aims.controls import actions, exports, queries
from aims.controls.access import get_control_for_user, get_version_for_user
from aims.controls.forms import (
    ApplicabilityForm,
    ApproveForm,
    CustomControlForm,
    ImplementationForm,
    SoAFilterForm,
)
from aims.controls.models import Control, SoAVersion
from aims.organizations.access import get_organization_for_user
from aims.organizations.permissions import can_edit_records, can_manage_members
from aims.web.forms import call_action
from aims.web.pagination import paginate_request
from aims.web.requests import AuthedRequest

T = TypeVar("T")


def _attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def _posted(request: AuthedRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


@login_required
def soa(request: AuthedRequest, org: str) -> HttpResponse:
    """The SoA: controls grouped by Annex A objective then the organisation's own, with progress bars."""
    organization = get_organization_for_user(request.user, org)
    controls = queries.soa_controls(organization)
    groups = queries.grouped(controls)
    choices = [(group.ref, group.title) for group in groups]
    form = SoAFilterForm(request.GET or None, organization=organization, groups=choices)
    wanted = form.soa_filter()
    shown = queries.grouped(control for control in controls if wanted.matches(control))
    latest = queries.versions_of(organization).first()
    since = None
    if latest is not None:
        since = queries.compare(latest.snapshot, queries.snapshot_of(organization, controls))
    context = {
        "organization": organization,
        "groups": groups,
        "since": since,
        "shown": shown,
        "form": form,
        "filtered": wanted.active,
        "latest": latest,
        "problems": queries.problems_of(controls),
        "count": len(controls),
        "can_edit": can_edit_records(request.user, organization),
        "can_approve": can_manage_members(request.user, organization),
        "refs": Control.evidences,
        "today": timezone.localdate(),
    }
    htmx = getattr(request, "htmx", None)
    partial = bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
    return render(request, "controls/soa.html#rows" if partial else "controls/soa.html", context)


@login_required
def control_detail(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    control = get_control_for_user(request.user, org, pk)
    context = {
        "organization": control.organization,
        "control": control,
        "entry": queries.entry_of(control),
        "group": queries.group_of(control),
        "can_edit": can_edit_records(request.user, control.organization),
        "evidence": queries.evidence_of_controls(control.organization, [control]).get(control.pk, []),
        "today": timezone.localdate(),
    }
    return render(request, "controls/control_detail.html", context)


def _form_page(
    request: AuthedRequest,
    template: str,
    control: Control | None,
    form: forms.Form,
    status: int,
    **extra: Any,
) -> HttpResponse:
    organization = control.organization if control else extra.pop("organization")
    context = {"organization": organization, "control": control, "form": form, **extra}
    return render(request, template, context, status=status)


@login_required
def control_applicability(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    control = get_control_for_user(request.user, org, pk, can_edit_records)
    form = ApplicabilityForm(_posted(request), control=control)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = _attempt(
                form,
                lambda: actions.set_applicability(
                    actor=request.user,
                    control=control,
                    decision=form.cleaned_data["decision"],
                    reasons=form.reasons(),
                    justification=form.cleaned_data["exclusion_justification"],
                ),
            )
            if saved is not None:
                messages.success(request, f"The decision on {control.reference} is saved.")
                return redirect("controls:control_detail", org=org, pk=pk)
    relied = queries.relied_on(control)
    return _form_page(request, "controls/applicability_form.html", control, form, status, relied=relied)


@login_required
def control_implementation(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    control = get_control_for_user(request.user, org, pk, can_edit_records)
    form = ImplementationForm(_posted(request), control=control)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = _attempt(
                form,
                lambda: actions.update_implementation(
                    actor=request.user, control=control, changes=form.cleaned_data
                ),
            )
            if saved is not None:
                messages.success(request, f"The implementation of {control.reference} is saved.")
                return redirect("controls:control_detail", org=org, pk=pk)
    return _form_page(request, "controls/control_form.html", control, form, status, heading="Implementation")


@login_required
def control_create(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    form = CustomControlForm(_posted(request))
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            created, status = _attempt(
                form,
                lambda: actions.create_custom_control(
                    actor=request.user, organization=organization, **form.cleaned_data
                ),
            )
            if created is not None:
                messages.success(request, f"{created} is added; now decide whether it applies.")
                return redirect("controls:control_detail", org=org, pk=created.pk)
    return _form_page(
        request,
        "controls/control_form.html",
        None,
        form,
        status,
        organization=organization,
        heading="Add a control of your own",
    )


@login_required
def control_edit(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    control = get_control_for_user(request.user, org, pk, can_edit_records)
    if not control.is_custom:
        raise Http404("Annex A controls keep the standard's ID and title.")
    form = CustomControlForm(_posted(request), control=control)
    status = 200
    if request.method == "POST":
        status = 422
        if form.is_valid():
            saved, status = _attempt(
                form,
                lambda: actions.update_custom_control(
                    actor=request.user, control=control, changes=form.cleaned_data
                ),
            )
            if saved is not None:
                messages.success(request, f"{saved} is saved.")
                return redirect("controls:control_detail", org=org, pk=pk)
    return _form_page(
        request, "controls/control_form.html", control, form, status, heading="Edit the control"
    )


@login_required
def soa_approve(request: AuthedRequest, org: str) -> HttpResponse:
    """GET: the confirmation page (with what still blocks approval); POST: approve."""
    organization = get_organization_for_user(request.user, org, require=can_manage_members)
    form = ApproveForm(_posted(request))
    status = 200
    if request.method == "POST" and form.is_valid():
        approved, status = _attempt(
            form,
            lambda: actions.approve_soa(
                actor=request.user, organization=organization, note=form.cleaned_data["note"]
            ),
        )
        if approved is not None:
            messages.success(request, f"Version {approved.number} of the SoA is approved and frozen.")
            return redirect("controls:version_detail", org=org, number=approved.number)
        status = 409 if status == 422 else status
    controls = queries.soa_controls(organization)
    context = {
        "organization": organization,
        "form": form,
        "problems": queries.problems_of(controls),
        "count": len(controls),
        "latest": queries.versions_of(organization).first(),
    }
    return render(request, "controls/approve.html", context, status=status)


@login_required
def version_list(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    page = paginate_request(request, queries.versions_of(organization))
    context = {"organization": organization, "page": page, "query": "", "refs": SoAVersion.evidences}
    return render(request, "controls/version_list.html", context)


@login_required
def version_detail(request: AuthedRequest, org: str, number: int) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    version = get_version_for_user(request.user, organization, number)
    document = exports.document_for_version(version)
    context = {
        "organization": organization,
        "version": version,
        "document": document,
        "rows": [exports.row_of(entry, document.evidence.get(entry["ref"], "")) for entry in version.entries],
    }
    return render(request, "controls/version_detail.html", context)


def _number(raw: str | None) -> int | None:
    return int(raw) if raw and raw.isdigit() else None


@login_required
def version_compare(request: AuthedRequest, org: str) -> HttpResponse:
    """`?a=1&b=2`: what changed from version a to version b (b may be "draft", the current entries)."""
    organization = get_organization_for_user(request.user, org)
    numbers = list(queries.versions_of(organization).values_list("number", flat=True))
    first, second = _number(request.GET.get("a")), request.GET.get("b", "")
    comparison = old = new = None
    if first is not None and second:
        old = get_version_for_user(request.user, organization, first)
        if second == "draft":
            snapshot = queries.snapshot_of(organization, queries.soa_controls(organization))
            new_label = "the current draft"
        else:
            number = _number(second)
            if number is None:
                raise Http404("No such version.")
            new = get_version_for_user(request.user, organization, number)
            snapshot, new_label = new.snapshot, f"version {new.number}"
        comparison = queries.compare(old.snapshot, snapshot)
    context = {
        "organization": organization,
        "numbers": numbers,
        "a": first,
        "b": second,
        "old": old,
        "new_label": new_label if comparison is not None else "",
        "comparison": comparison,
    }
    return render(request, "controls/version_compare.html", context)


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _format(fmt: str) -> str:
    if fmt not in exports.FORMATS:
        raise Http404("Export as xlsx, docx or pdf.")
    return fmt


@login_required
def soa_export(request: AuthedRequest, org: str, fmt: str) -> HttpResponse:
    """The current entries, marked DRAFT."""
    organization = get_organization_for_user(request.user, org)
    return _download(*exports.render(exports.document_for_draft(organization), _format(fmt)))


@login_required
def version_export(request: AuthedRequest, org: str, number: int, fmt: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    version = get_version_for_user(request.user, organization, number)
    return _download(*exports.render(exports.document_for_version(version), _format(fmt)))
