"""/api/v1/evidence: the register, multipart uploads, downloads and links. Writes call the actions."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import FileResponse
from ninja import File, Form, Query, Router
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.actions import member_by_email
from aims.evidence import actions, queries
from aims.evidence import schemas as s
from aims.evidence.access import get_evidence_for_user, get_link_for_user
from aims.evidence.forms import parse_requirements
from aims.evidence.links import find_record, find_requirement
from aims.evidence.models import Evidence, EvidenceLink
from aims.evidence.permissions import can_download_evidence, can_edit_evidence
from aims.evidence.views import file_response
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["evidence"])
OPTIONAL_FILE = File(None)  # type: ignore[type-arg]  # an optional multipart file part


@router.get("", response=list[s.EvidenceOut], summary="The evidence register, filtered and sorted")
@paginate(PagePagination)
def evidence_list(request: AuthedRequest, filters: Query[s.EvidenceQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    owner = member_by_email(organization, filters.owner).pk if filters.owner else None
    record = None
    if filters.record_type or filters.record_reference:
        if not (filters.record_type and filters.record_reference):
            raise ValidationError({"record_type": "Give record_type and record_reference together."})
        record = find_record(organization, filters.record_type, filters.record_reference)
    wanted = filters.evidence_filter(owner, record)
    return queries.evidence_list(organization, wanted).select_related("organization")


def _owner(organization: Organization, email: str | None) -> Any:
    return member_by_email(organization, email) if email else None


@router.post(
    "",
    response={201: s.EvidenceOut},
    summary="Add evidence (multipart: the fields, and a `file` part or a `url`)",
)
def evidence_create(
    request: AuthedRequest,
    target: Query[s.OrganizationParam],
    payload: Form[s.EvidenceIn],
    file: UploadedFile | None = OPTIONAL_FILE,
) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_evidence)
    values = payload.model_dump()
    url, refs = values.pop("url").strip(), values.pop("requirements")
    if (file is None) == (not url):
        raise ValidationError({"file": "Send either a file or a url, not both or neither."})
    common = {
        "actor": request.user,
        "organization": organization,
        "supports": parse_requirements(refs),
        **values,
        "owner": _owner(organization, values["owner"]),
    }
    if file is not None:
        return Status(201, actions.add_evidence_file(upload=file, **common))
    return Status(201, actions.add_evidence_link(url=url, **common))


@router.get("/{evidence_id}", response=s.EvidenceOut, summary="One evidence item")
def evidence_detail(request: AuthedRequest, evidence_id: int) -> Evidence:
    return get_evidence_for_user(request.user, None, evidence_id)


@router.patch("/{evidence_id}", response=s.EvidenceOut, summary="Change what is said about evidence")
def evidence_update(request: AuthedRequest, evidence_id: int, payload: s.EvidencePatch) -> Evidence:
    evidence = get_evidence_for_user(request.user, None, evidence_id, can_edit_evidence)
    changes = payload.model_dump(exclude_unset=True)
    if "owner" in changes:
        changes["owner"] = _owner(evidence.organization, changes["owner"])
    return actions.update_evidence(actor=request.user, evidence=evidence, changes=changes)


@router.post("/{evidence_id}/retire", response=s.EvidenceOut, summary="Retire evidence (it is kept)")
def evidence_retire(request: AuthedRequest, evidence_id: int, payload: s.RetireIn) -> Evidence:
    evidence = get_evidence_for_user(request.user, None, evidence_id, can_edit_evidence)
    return actions.retire_evidence(actor=request.user, evidence=evidence, reason=payload.reason)


@router.get(
    "/{evidence_id}/download",
    summary="The file, as an attachment (owners, managers, contributors, auditors)",
    response={200: None},
)
def evidence_download(request: AuthedRequest, evidence_id: int) -> FileResponse:
    evidence = get_evidence_for_user(request.user, None, evidence_id, can_download_evidence)
    return file_response(evidence)


@router.get("/{evidence_id}/links", response=list[s.LinkOut], summary="What the evidence supports")
@paginate(PagePagination)
def link_list(request: AuthedRequest, evidence_id: int) -> Any:
    return queries.links_page(get_evidence_for_user(request.user, None, evidence_id))


def _target(evidence: Evidence, payload: s.LinkIn) -> Any:
    if payload.requirement:
        if payload.record_type:
            raise ValidationError({"requirement": "Give a requirement or a record, not both."})
        return find_requirement(payload.requirement)
    key: int | str | None = payload.record_id if payload.record_id is not None else payload.record_reference
    if not payload.record_type or key is None:
        raise ValidationError(
            {"record_type": "Give a requirement, or a record_type with record_id or record_reference."}
        )
    return find_record(evidence.organization, payload.record_type, key)


@router.post("/{evidence_id}/links", response={201: s.LinkOut}, summary="Link evidence to what it supports")
def link_create(request: AuthedRequest, evidence_id: int, payload: s.LinkIn) -> Any:
    evidence = get_evidence_for_user(request.user, None, evidence_id, can_edit_evidence)
    link = actions.link_evidence(
        actor=request.user, evidence=evidence, target=_target(evidence, payload), note=payload.note
    )
    return Status(201, link)


@router.delete("/{evidence_id}/links/{link_id}", response={204: None}, summary="Remove a link")
def link_delete(request: AuthedRequest, evidence_id: int, link_id: int) -> Any:
    link: EvidenceLink = get_link_for_user(request.user, None, evidence_id, link_id, can_edit_evidence)
    actions.unlink_evidence(actor=request.user, link=link)
    return Status(204, None)
