"""/o/<org>/inventory/bom/: import a CycloneDX ML-BOM or a Hugging Face model card; download a system's BOM.

Any member may read the page and download a BOM; only owners, managers and contributors may import. Both
imports call the same actions as the API (cyclonedx.import_system_bom, model_cards.import_model_card).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from aims.ai_systems.access import get_ai_system_for_user
from aims.interchange.cyclonedx import MEDIA_TYPE, export_system_bom, file_name, import_system_bom
from aims.interchange.forms_bom import BomUploadForm, ModelCardForm
from aims.interchange.model_cards import import_model_card
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records
from aims.web.forms import call_action
from aims.web.requests import AuthedRequest

T = TypeVar("T")

# What the page's imports evidence in the ISO/IEC 42001 catalogue.
EVIDENCES = ("A.4.2", "A.4.3", "A.6.2.3", "A.6.2.4")


def _attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error (answered 403) so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def _page(
    request: AuthedRequest, organization: Organization, status: int = 200, **forms_given: Any
) -> HttpResponse:
    context = {
        "organization": organization,
        "can_edit": can_edit_records(request.user, organization),
        "bom_form": forms_given.get("bom_form") or BomUploadForm(),
        "card_form": forms_given.get("card_form") or ModelCardForm(organization=organization),
        "refs": EVIDENCES,
    }
    return render(request, "interchange/bom_import.html", context, status=status)


@login_required
@require_GET
def bom_import(request: AuthedRequest, org: str) -> HttpResponse:
    return _page(request, get_organization_for_user(request.user, org))


@login_required
@require_POST
def bom_upload(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    form = BomUploadForm(request.POST, request.FILES)
    status = 422
    if form.is_valid():
        data = form.cleaned_data["file"]
        system, status = _attempt(
            form,
            lambda: import_system_bom(actor=request.user, organization=organization, data=data),
        )
        if system is not None:
            messages.success(request, f"{system} is imported with its models and datasets.")
            return redirect("ai_systems:system_detail", org=organization.slug, pk=system.pk)
    return _page(request, organization, status, bom_form=form)


@login_required
@require_POST
def model_card_upload(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org, require=can_edit_records)
    form = ModelCardForm(request.POST, request.FILES, organization=organization)
    status = 422
    if form.is_valid():
        values = form.cleaned_data
        model, status = _attempt(
            form,
            lambda: import_model_card(
                actor=request.user,
                organization=organization,
                text=values["text"],
                model=values["model"],
                reference=values["reference"],
                name=values["name"],
            ),
        )
        if model is not None:
            messages.success(request, f"{model} is updated from its model card.")
            return redirect("components:model_detail", org=organization.slug, pk=model.pk)
    return _page(request, organization, status, card_form=form)


@login_required
@require_GET
def bom_download(request: AuthedRequest, org: str, pk: int) -> HttpResponse:
    system = get_ai_system_for_user(request.user, org, pk)
    response = HttpResponse(export_system_bom(system), content_type=MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name(system)}"'
    return response
