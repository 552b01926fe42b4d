"""/api/v1/documents: the document register, versions, approval moves, diff, PDF and files. Writes call the
actions; uploads are multipart."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import FileResponse, HttpResponse
from ninja import File, Form, Query, Router
from ninja.files import UploadedFile
from ninja.pagination import paginate
from ninja.responses import Status

from aims.accounts.models import User
from aims.documents import actions, pdf, queries
from aims.documents import schemas as s
from aims.documents.access import get_document_for_user, get_version_for_user
from aims.documents.models import Document, DocumentVersion
from aims.documents.permissions import can_approve_documents, can_edit_documents
from aims.documents.views.versions import file_response
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Membership, Organization
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["documents"])
PEOPLE = Prefetch("distribution", queryset=User.objects.only("pk", "email"))


def _members(organization: Organization, emails: list[str], field: str) -> list[User]:
    wanted = {email.strip().lower() for email in emails if email.strip()}
    found = [
        m.user
        for m in Membership.objects.select_related("user").filter(organization=organization)
        if m.user.email.lower() in wanted
    ]
    missing = wanted - {user.email.lower() for user in found}
    if missing:
        raise ValidationError({field: f"Not members of {organization.name}: {', '.join(sorted(missing))}."})
    return found


def _owner(organization: Organization, email: str | None) -> User | None:
    return _members(organization, [email], "owner")[0] if email else None


def _detail(document: Document) -> Document:
    return (
        Document.objects.select_related("organization", "owner", "current_version")
        .prefetch_related(PEOPLE)
        .get(pk=document.pk)
    )


@router.get("", response=list[s.DocumentOut], summary="The document register (7.5), filtered and sorted")
@paginate(PagePagination)
def document_list(request: AuthedRequest, filters: Query[s.DocumentQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    documents = queries.documents_for(organization, filters.document_filter())
    return documents.select_related("organization").prefetch_related(PEOPLE)


@router.post("", response={201: s.DocumentOut}, summary="Register a document; version 1 is a draft")
def document_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.DocumentIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_edit_documents)
    values = payload.model_dump()
    values["owner"] = _owner(organization, values["owner"])
    values["distribution"] = _members(organization, values["distribution"], "distribution")
    document = actions.create_document(actor=request.user, organization=organization, **values)
    return Status(201, _detail(document))


@router.get("/{document_id}", response=s.DocumentOut, summary="One document")
def document_detail(request: AuthedRequest, document_id: int) -> Document:
    return _detail(get_document_for_user(request.user, None, document_id))


@router.patch("/{document_id}", response=s.DocumentOut, summary="Change a document's details (not its text)")
def document_update(request: AuthedRequest, document_id: int, payload: s.DocumentPatch) -> Document:
    document = get_document_for_user(request.user, None, document_id, can_edit_documents)
    changes = payload.model_dump(exclude_unset=True)
    emails = changes.pop("distribution", None)
    if "owner" in changes:
        changes["owner"] = _owner(document.organization, changes["owner"])
    people = _members(document.organization, emails, "distribution") if emails is not None else None
    actions.update_document(actor=request.user, document=document, changes=changes, distribution=people)
    return _detail(document)


@router.post("/{document_id}/withdraw", response=s.DocumentOut, summary="Withdraw a document")
def document_withdraw(request: AuthedRequest, document_id: int, payload: s.WithdrawIn) -> Document:
    document = get_document_for_user(request.user, None, document_id, can_approve_documents)
    return _detail(actions.withdraw_document(actor=request.user, document=document, reason=payload.reason))


@router.post("/{document_id}/reviewed", response=s.DocumentOut, summary="Record a review with no change")
def document_reviewed(request: AuthedRequest, document_id: int, payload: s.ReviewIn) -> Document:
    document = get_document_for_user(request.user, None, document_id)
    done = actions.mark_document_reviewed(actor=request.user, document=document, notes=payload.notes)
    return _detail(done)


@router.get("/{document_id}/versions", response=list[s.VersionSummaryOut], summary="A document's versions")
@paginate(PagePagination)
def version_list(request: AuthedRequest, document_id: int) -> Any:
    document = get_document_for_user(request.user, None, document_id)
    versions = DocumentVersion.objects.filter(document=document).defer("body")
    return versions.select_related("author", "reviewed_by", "published_by").order_by("-number")


@router.post(
    "/{document_id}/versions", response={201: s.VersionOut}, summary="Start a new version (multipart)"
)
def version_create(
    request: AuthedRequest,
    document_id: int,
    payload: Form[s.VersionForm],
    upload: UploadedFile | None = File(None, description="The version's file, if any."),  # type: ignore[type-arg]  # noqa: B008
) -> Any:
    document = get_document_for_user(request.user, None, document_id, can_edit_documents)
    version = actions.create_version(
        actor=request.user,
        document=document,
        body=payload.body,
        change_summary=payload.change_summary,
        upload=upload,
    )
    return Status(201, version)


def _version(request: AuthedRequest, document_id: int, number: int) -> DocumentVersion:
    return get_version_for_user(request.user, None, document_id, number)


@router.get("/{document_id}/versions/{number}", response=s.VersionOut, summary="One version, with its text")
def version_detail(request: AuthedRequest, document_id: int, number: int) -> DocumentVersion:
    return _version(request, document_id, number)


@router.patch(
    "/{document_id}/versions/{number}", response=s.VersionOut, summary="Change a draft's text or summary"
)
def version_update(
    request: AuthedRequest, document_id: int, number: int, payload: s.VersionPatch
) -> DocumentVersion:
    version = get_version_for_user(request.user, None, document_id, number, can_edit_documents)
    values = payload.model_dump(exclude_unset=True)
    return actions.update_version(actor=request.user, version=version, **values)


@router.post(
    "/{document_id}/versions/{number}/file",
    response=s.VersionOut,
    summary="Attach a file to a draft (multipart)",
)
def version_attach(
    request: AuthedRequest, document_id: int, number: int, upload: File[UploadedFile]
) -> DocumentVersion:
    version = get_version_for_user(request.user, None, document_id, number, can_edit_documents)
    return actions.update_version(actor=request.user, version=version, upload=upload)


@router.get("/{document_id}/versions/{number}/file", summary="Download a version's file")
def version_file(request: AuthedRequest, document_id: int, number: int) -> FileResponse:
    return file_response(_version(request, document_id, number))


@router.get("/{document_id}/versions/{number}/pdf", summary="A version as PDF")
def version_pdf(request: AuthedRequest, document_id: int, number: int) -> HttpResponse:
    version = _version(request, document_id, number)
    response = HttpResponse(pdf.version_pdf(version), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{pdf.filename(version)}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@router.post("/{document_id}/versions/{number}/submit", response=s.VersionOut, summary="Submit for approval")
def version_submit(request: AuthedRequest, document_id: int, number: int) -> DocumentVersion:
    return actions.submit_version(actor=request.user, version=_version(request, document_id, number))


@router.post("/{document_id}/versions/{number}/approve", response=s.VersionOut, summary="Approve a version")
def version_approve(
    request: AuthedRequest, document_id: int, number: int, payload: s.CommentIn
) -> DocumentVersion:
    version = _version(request, document_id, number)
    return actions.approve_version(actor=request.user, version=version, comment=payload.comment)


@router.post(
    "/{document_id}/versions/{number}/request-changes", response=s.VersionOut, summary="Request changes"
)
def version_request_changes(
    request: AuthedRequest, document_id: int, number: int, payload: s.CommentIn
) -> DocumentVersion:
    version = _version(request, document_id, number)
    return actions.request_changes(actor=request.user, version=version, comment=payload.comment)


@router.post("/{document_id}/versions/{number}/publish", response=s.VersionOut, summary="Publish a version")
def version_publish(request: AuthedRequest, document_id: int, number: int) -> DocumentVersion:
    return actions.publish_version(actor=request.user, version=_version(request, document_id, number))


@router.get("/{document_id}/diff", response=s.DiffOut, summary="Compare two versions (a readable line diff)")
def version_diff(request: AuthedRequest, document_id: int, a: int, b: int) -> dict[str, Any]:
    first, second = queries.pair_of(get_document_for_user(request.user, None, document_id), a, b)
    diff = queries.diff_versions(first, second)
    metadata = [{"field": label, "a": str(x or ""), "b": str(y or "")} for label, x, y in diff.metadata]
    return {"a": a, "b": b, "added": diff.added, "removed": diff.removed, "metadata": metadata,
            "lines": [line.__dict__ for line in diff.lines]}  # fmt: skip
