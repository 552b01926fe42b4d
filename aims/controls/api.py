"""/api/v1/controls: the controls with their applicability, SoA versions, approval and exports.

Writes call the actions.
"""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.actions import member_by_email
from aims.context.models import Obligation
from aims.controls import actions, exports, queries
from aims.controls import schemas as s
from aims.controls.access import get_control_for_user, get_version_for_user
from aims.controls.actions import ReasonInput
from aims.controls.models import Control
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.organizations.permissions import can_edit_records, can_manage_members
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["controls"])


def _filtered(organization: Organization, filters: s.ControlQuery) -> Any:
    records = queries.controls_with_entries(organization)
    if filters.q:
        records = records.filter(title__icontains=filters.q) | records.filter(reference__icontains=filters.q)
    if filters.decision:
        records = records.filter(decision=filters.decision)
    if filters.status:
        records = records.filter(implementation_status=filters.status)
    if filters.group == queries.CUSTOM_GROUP:
        records = records.filter(catalog_item__isnull=True)
    elif filters.group:
        records = records.filter(catalog_item__parent__ref=filters.group)
    return records


class ReliancePagination(PagePagination):
    """The page pagination, with each control's reliances attached in one more call."""

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: Any, **params: Any
    ) -> dict[str, Any]:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        queries.attach_reliances(page["items"])
        return page


@router.get("", response=list[s.ControlOut], summary="Controls with their applicability (6.1.3)")
@paginate(ReliancePagination)
def control_list(request: AuthedRequest, filters: Query[s.ControlQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    if not Control.objects.filter(organization=organization, catalog_item__isnull=False).exists():
        queries.soa_controls(organization)  # adds the Annex A controls the first time
    return _filtered(organization, filters)


@router.post("", response={201: s.ControlOut}, summary="Add a control of the organisation's own")
def control_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.CustomControlIn
) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_records)
    control = actions.create_custom_control(
        actor=request.user, organization=organization, **payload.model_dump()
    )
    return Status(201, get_control_for_user(request.user, None, control.pk))


@router.get("/soa/versions", response=list[s.VersionOut], summary="Approved SoA versions, newest first")
@paginate(PagePagination)
def version_list(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    return queries.versions_of(get_organization_for_user(request.user, target.organization))


@router.get("/soa/versions/{number}", response=s.VersionDetailOut, summary="One approved SoA version")
def version_detail(request: AuthedRequest, number: int, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization)
    return get_version_for_user(request.user, organization, number)


@router.post("/soa/approve", response={201: s.VersionOut}, summary="Approve and freeze the SoA")
def soa_approve(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ApproveIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_manage_members)
    return Status(201, actions.approve_soa(actor=request.user, organization=organization, note=payload.note))


def _download(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get(
    "/soa/versions/{number}/export",
    summary="An approved version as XLSX, DOCX or PDF",
    response={200: None},
)
def version_export(
    request: AuthedRequest, number: int, target: Query[s.OrganizationParam], options: Query[s.ExportQuery]
) -> HttpResponse:
    organization = get_organization_for_user(request.user, target.organization)
    version = get_version_for_user(request.user, organization, number)
    return _download(*exports.render(exports.document_for_version(version), options.format))


@router.get(
    "/soa/export", summary="The current draft as XLSX, DOCX or PDF, marked DRAFT", response={200: None}
)
def draft_export(
    request: AuthedRequest, target: Query[s.OrganizationParam], options: Query[s.ExportQuery]
) -> HttpResponse:
    organization = get_organization_for_user(request.user, target.organization)
    return _download(*exports.render(exports.document_for_draft(organization), options.format))


@router.get("/{control_id}", response=s.ControlOut, summary="One control with its applicability")
def control_detail(request: AuthedRequest, control_id: int) -> Control:
    return get_control_for_user(request.user, None, control_id)


def _reasons(organization: Organization, reasons: list[s.ReasonIn]) -> list[ReasonInput]:
    wanted = {ref for reason in reasons for ref in reason.obligations}
    found = {
        o.reference: o for o in Obligation.objects.filter(organization=organization, reference__in=wanted)
    }
    missing = wanted - set(found)
    if missing:
        raise ValidationError(
            {"reasons": f"No obligation {', '.join(sorted(missing))} in {organization.name}."}
        )
    return [
        ReasonInput(kind=r.kind, note=r.note, obligations=tuple(found[ref] for ref in r.obligations))
        for r in reasons
    ]


def _implementation(control: Control, values: dict[str, Any]) -> dict[str, Any]:
    changes = {name: values[name] for name in actions.IMPLEMENTATION_FIELDS if name in values}
    if "owner" in changes:
        changes["owner"] = (
            member_by_email(control.organization, changes["owner"]) if changes["owner"] else None
        )
    return changes


@router.patch(
    "/{control_id}", response=s.ControlOut, summary="Set a control's applicability or implementation"
)
def control_update(request: AuthedRequest, control_id: int, payload: s.ControlPatch) -> Control:
    control = get_control_for_user(request.user, None, control_id, can_edit_records)
    values = payload.model_dump(exclude_unset=True)
    with transaction.atomic():
        if "decision" in values:
            actions.set_applicability(
                actor=request.user,
                control=control,
                decision=values["decision"],
                reasons=_reasons(control.organization, payload.reasons or []),
                justification=values.get("exclusion_justification") or "",
            )
        elif "reasons" in values or "exclusion_justification" in values:
            raise ValidationError(
                {"decision": "Give the decision together with its reasons or justification."}
            )
        changes = _implementation(control, values)
        if changes:
            actions.update_implementation(actor=request.user, control=control, changes=changes)
    return get_control_for_user(request.user, None, control_id)
