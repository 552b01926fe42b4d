"""/api/v1/inventory: import a spreadsheet into the registers, export them, download templates.

The import answers 200 with the report, or 422 with the same report under `error.report` (nothing
written). It calls the same action as the HTML page and the CLI.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from ninja import File, Query, Router, UploadedFile
from ninja.responses import Status

from aims.interchange import actions
from aims.interchange.report import ImportRejected
from aims.interchange.schemas import (
    ExportParams,
    ImportParams,
    ImportReportOut,
    RejectedOut,
    TemplateParams,
)
from aims.interchange.views import file_response
from aims.organizations import permissions
from aims.organizations.access import get_organization_for_user
from aims.web.api import error_body
from aims.web.requests import AuthedRequest

router = Router(tags=["inventory"])


def _rejected(exc: ImportRejected) -> Status[dict[str, Any]]:
    body = error_body("import_rejected", exc.message)
    body["error"]["report"] = exc.report.as_dict()
    return Status(422, body)


@router.post(
    "/import",
    response={200: ImportReportOut, 422: RejectedOut},
    summary="Import a spreadsheet (XLSX or CSV) into the inventory, all or nothing",
    by_alias=True,
)
def inventory_import(request: AuthedRequest, params: Query[ImportParams], file: File[UploadedFile]) -> Any:
    organization = get_organization_for_user(
        request.user, params.organization, require=permissions.can_edit_records
    )
    try:
        actions.check_upload_size(file.size or 0, file.name or "")
        report = actions.import_inventory(
            actor=request.user,
            organization=organization,
            data=file.read(),
            filename=file.name or "",
            register=params.register_name,
        )
    except ImportRejected as exc:
        return _rejected(exc)
    return report.as_dict()


@router.get("/export", summary="The inventory as XLSX or CSV (formula-safe)", response={200: None})
def inventory_export(request: AuthedRequest, params: Query[ExportParams]) -> HttpResponse:
    organization = get_organization_for_user(request.user, params.organization)
    data = actions.export_inventory(
        actor=request.user, organization=organization, register=params.register_name, fmt=params.format
    )
    filename = actions.export_filename(organization, params.register_name, params.format)
    return file_response(data, params.format, filename)


@router.get("/template", summary="An empty XLSX template with its columns explained", response={200: None})
def inventory_template(request: AuthedRequest, params: Query[TemplateParams]) -> HttpResponse:
    data = actions.import_template(params.register_name)
    filename = f"aims-{params.register_name or 'inventory'}-template.xlsx"
    return file_response(data, "xlsx", filename)
