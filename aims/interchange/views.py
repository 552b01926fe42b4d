"""The inventory import and export page: upload a spreadsheet, see its report; download exports and
templates. Every member may export; owners, managers and contributors import."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from aims.interchange import actions
from aims.interchange.forms import InventoryImportForm
from aims.interchange.registers import REGISTERS
from aims.interchange.report import ImportRejected, ImportReport
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.requests import AuthedRequest

# What a current inventory evidences: AI systems, their resources, data and suppliers.
EVIDENCES = ("A.4.2", "A.4.3", "A.10.3")

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def file_response(data: bytes, fmt: str, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _page(
    request: AuthedRequest,
    organization: Organization,
    form: InventoryImportForm,
    report: ImportReport | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "organization": organization,
        "form": form,
        "report": report,
        "registers": list(REGISTERS.values()),
        "can_import": permissions.can_edit_records(request.user, organization),
        "max_bytes": actions.max_import_bytes(),
        "evidences": EVIDENCES,
    }
    return render(request, "interchange/inventory_import.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def inventory_import(request: AuthedRequest, org: str) -> HttpResponse:
    if request.method != "POST":
        organization = get_organization_for_user(request.user, org)
        return _page(request, organization, InventoryImportForm())
    organization = get_organization_for_user(request.user, org, require=permissions.can_edit_records)
    form = InventoryImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, organization, form, status=400)
    upload = form.cleaned_data["file"]
    try:
        report = actions.import_inventory(
            actor=request.user,
            organization=organization,
            data=upload.read(),
            filename=upload.name,
            register=form.cleaned_data["register"] or None,
        )
    except ImportRejected as exc:
        return _page(request, organization, form, exc.report, status=400)
    return _page(request, organization, InventoryImportForm(), report)


@login_required
@require_GET
def inventory_export(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    register = request.GET.get("register") or None
    fmt = request.GET.get("format", "xlsx")
    try:
        data = actions.export_inventory(
            actor=request.user, organization=organization, register=register, fmt=fmt
        )
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from None
    return file_response(data, fmt, actions.export_filename(organization, register, fmt))


@login_required
@require_GET
def inventory_template(request: AuthedRequest, org: str) -> HttpResponse:
    organization = get_organization_for_user(request.user, org)
    register = request.GET.get("register") or None
    try:
        data = actions.import_template(register)
    except ValidationError as exc:
        raise Http404(" ".join(exc.messages)) from None
    return file_response(data, "xlsx", actions.export_filename(organization, register, "xlsx", template=True))
