"""/api/v1/internal-audits: programmes, audits, their checklists, results, nonconformities raised from
findings, and the report PDF. Writes call the actions; clauses, AI systems and evidence are named by
reference and members by e-mail."""

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.internal_audits import actions, forms, permissions, queries, report
from aims.internal_audits import schemas as s
from aims.internal_audits.access import get_audit_for_user, get_item_for_user, get_programme_for_user
from aims.internal_audits.models import AuditProgramme, ChecklistItem, InternalAudit
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["internal-audits"])


def _refs(field: str, find: Any) -> Any:
    try:
        return find()
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _member(organization: Organization, email: str, field: str) -> User:
    found = User.objects.filter(memberships__organization=organization, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError({field: f"No member {email} in {organization.name}."})
    return found


def _programme(organization: Organization, pk: int | None) -> AuditProgramme | None:
    if pk is None:
        return None
    found = AuditProgramme.objects.filter(organization=organization, pk=pk).first()
    if found is None:
        raise ValidationError({"programme": f"No audit programme {pk} in {organization.name}."})
    return found


def _split(organization: Organization, values: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The audit's own fields, and its scope, systems and team as records."""
    relations: dict[str, Any] = {}
    if values.get("scope_items") is not None:
        relations["scope_items"] = _refs("scope_items", lambda: forms.scope_items(values["scope_items"]))
    if values.get("ai_systems") is not None:
        refs = values["ai_systems"]
        relations["ai_systems"] = _refs("ai_systems", lambda: forms.ai_systems(organization, refs))
    if values.get("team") is not None:
        relations["team"] = [_member(organization, e, "team") for e in values["team"]]
    for name in ("scope_items", "ai_systems", "team"):
        values.pop(name, None)
    if "lead_auditor" in values:
        values["lead_auditor"] = _member(organization, values["lead_auditor"] or "", "lead_auditor")
    if "programme" in values:
        values["programme"] = _programme(organization, values["programme"])
    return values, relations


def _fresh(audit: InternalAudit) -> InternalAudit:
    return queries.with_relations(InternalAudit.objects.filter(pk=audit.pk)).get()


def _fresh_item(item: ChecklistItem) -> ChecklistItem:
    records = ChecklistItem.objects.select_related("assessed_by", "nonconformity").prefetch_related(
        "evidence"
    )
    return records.get(pk=item.pk)


@router.get("/programmes", response=list[s.ProgrammeOut], summary="The audit programmes (9.2.2)")
@paginate(PagePagination)
def programme_list(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    return queries.programmes_for(get_organization_for_user(request.user, target.organization))


@router.post("/programmes", response={201: s.ProgrammeOut}, summary="Draft an audit programme")
def programme_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ProgrammeIn
) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_work_on_audits
    )
    return Status(
        201, actions.create_programme(actor=request.user, organization=organization, **payload.model_dump())
    )


@router.get("/programmes/{programme_id}", response=s.ProgrammeOut, summary="One audit programme")
def programme_detail(request: AuthedRequest, programme_id: int) -> Any:
    return get_programme_for_user(request.user, None, programme_id)


@router.patch(
    "/programmes/{programme_id}", response=s.ProgrammeOut, summary="Change a programme (back to draft)"
)
def programme_update(request: AuthedRequest, programme_id: int, payload: s.ProgrammePatch) -> Any:
    programme = get_programme_for_user(request.user, None, programme_id, permissions.can_work_on_audits)
    changes = payload.model_dump(exclude_unset=True)
    return actions.update_programme(actor=request.user, programme=programme, changes=changes)


@router.post(
    "/programmes/{programme_id}/approve", response=s.ProgrammeOut, summary="Approve (owners, managers)"
)
def programme_approve(request: AuthedRequest, programme_id: int) -> Any:
    programme = get_programme_for_user(request.user, None, programme_id, permissions.can_decide_audits)
    return actions.approve_programme(actor=request.user, programme=programme)


@router.get("", response=list[s.AuditOut], summary="The internal audits, filtered")
@paginate(PagePagination)
def audit_list(request: AuthedRequest, filters: Query[s.AuditQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    wanted = queries.AuditFilter(
        q=filters.q.strip(), status=filters.status or "", programme_id=filters.programme
    )
    return queries.audits_for(organization, wanted)


@router.post("", response={201: s.AuditOut}, summary="Plan an internal audit")
def audit_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.AuditIn) -> Any:
    organization = get_organization_for_user(
        request.user, target.organization, require=permissions.can_work_on_audits
    )
    values, relations = _split(organization, payload.model_dump())
    created = actions.plan_audit(actor=request.user, organization=organization, **relations, **values)
    return Status(201, _fresh(created))


@router.get("/{audit_id}", response=s.AuditOut, summary="One internal audit")
def audit_detail(request: AuthedRequest, audit_id: int) -> Any:
    return _fresh(get_audit_for_user(request.user, None, audit_id))


@router.patch("/{audit_id}", response=s.AuditOut, summary="Change the plan, scope or team")
def audit_update(request: AuthedRequest, audit_id: int, payload: s.AuditPatch) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_work_on_audits)
    values, relations = _split(audit.organization, payload.model_dump(exclude_unset=True))
    actions.update_audit(actor=request.user, audit=audit, changes=values, **relations)
    return _fresh(audit)


@router.post("/{audit_id}/start", response=s.AuditOut, summary="Start fieldwork (audit team)")
def audit_start(request: AuthedRequest, audit_id: int) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_work_on_audits)
    return _fresh(actions.start_audit(actor=request.user, audit=audit))


@router.post("/{audit_id}/report", response=s.AuditOut, summary="Report the audit to management (audit team)")
def audit_report(request: AuthedRequest, audit_id: int, payload: s.ReportIn) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_work_on_audits)
    done = actions.report_audit(
        actor=request.user, audit=audit, conclusion=payload.conclusion, ended_on=payload.ended_on
    )
    return _fresh(done)


@router.post("/{audit_id}/close", response=s.AuditOut, summary="Close a reported audit (owners, managers)")
def audit_close(request: AuthedRequest, audit_id: int) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_decide_audits)
    return _fresh(actions.close_audit(actor=request.user, audit=audit))


@router.post("/{audit_id}/cancel", response=s.AuditOut, summary="Cancel an audit (owners, managers)")
def audit_cancel(request: AuthedRequest, audit_id: int) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_decide_audits)
    return _fresh(actions.cancel_audit(actor=request.user, audit=audit))


@router.post("/{audit_id}/checklist/generate", response=s.GeneratedOut, summary="Generate the checklist")
def checklist_generate(request: AuthedRequest, audit_id: int) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id, permissions.can_work_on_audits)
    added = actions.generate_checklist(actor=request.user, audit=audit)
    return {"added": added, "total": audit.checklist.count()}


@router.get("/{audit_id}/checklist", response=list[s.ItemOut], summary="The checklist, in catalogue order")
@paginate(PagePagination)
def checklist_list(request: AuthedRequest, audit_id: int) -> Any:
    audit = get_audit_for_user(request.user, None, audit_id)
    records = ChecklistItem.objects.filter(audit=audit).select_related("assessed_by", "nonconformity")
    return records.prefetch_related("evidence").order_by("position", "pk")


@router.post("/{audit_id}/checklist/{item_id}/result", response=s.ItemOut, summary="Record a result")
def item_result(request: AuthedRequest, audit_id: int, item_id: int, payload: s.ResultIn) -> Any:
    item = get_item_for_user(request.user, None, audit_id, item_id, permissions.can_work_on_audits)
    organization = item.audit.organization
    chosen = None
    if payload.evidence is not None:
        refs = payload.evidence
        chosen = _refs("evidence", lambda: forms.evidence(organization, refs))
    actions.set_result(
        actor=request.user,
        item=item,
        result=payload.result,
        notes=payload.notes,
        evidence=chosen,
        evidence_references=payload.evidence_references,
    )
    return _fresh_item(item)


@router.post(
    "/{audit_id}/checklist/{item_id}/nonconformity",
    response={201: s.NonconformityOut},
    summary="Raise a nonconformity from a major or minor finding",
)
def item_nonconformity(
    request: AuthedRequest, audit_id: int, item_id: int, payload: s.NonconformityIn
) -> Any:
    item = get_item_for_user(request.user, None, audit_id, item_id, permissions.can_work_on_audits)
    organization = item.audit.organization
    owner = _member(organization, payload.owner, "owner") if payload.owner else None
    nc = actions.raise_finding_nonconformity(
        actor=request.user,
        item=item,
        title=payload.title,
        description=payload.description,
        owner=owner,
        due_on=payload.due_on,
    )
    return Status(201, nc)


@router.get("/{audit_id}/report.pdf", summary="The audit report as a PDF (a draft until reported)")
def audit_pdf(request: AuthedRequest, audit_id: int) -> HttpResponse:
    found = report.audit_report(get_audit_for_user(request.user, None, audit_id))
    response = HttpResponse(report.audit_report_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report.filename(found)}"'
    return response
