"""/api/v1/policies: the AI policy (5.2), aligned policies (A.2.3), reviews (A.2.4), commitment (5.1)."""

from typing import Any

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate
from ninja.responses import Status

from aims.ai_systems.actions import member_by_email
from aims.documents.models import Document, DocumentVersion
from aims.organizations.access import get_organization_for_user
from aims.organizations.models import Organization
from aims.policies import actions, queries
from aims.policies import schemas as s
from aims.policies.access import get_aligned_for_user, get_commitment_for_user, get_review_for_user
from aims.policies.models import CommitmentRecord, PolicyReview
from aims.policies.permissions import can_draft_policy, can_record_leadership
from aims.web.pagination import PagePagination
from aims.web.requests import AuthedRequest

router = Router(tags=["policies"])


def _version(version: DocumentVersion | None) -> dict[str, Any] | None:
    if version is None:
        return None
    return {
        "id": version.pk,
        "number": version.number,
        "state": version.state,
        "published_at": version.published_at,
    }


def _overview(organization: Organization) -> dict[str, Any]:
    status = queries.policy_status(organization)
    document = status.document
    if document is None:
        return {"exists": False}
    return {
        "exists": status.exists,
        "document_id": document.pk,
        "reference": document.reference,
        "title": document.title,
        "status": document.status,
        "next_review_on": document.next_review_on,
        "current_version": _version(status.current),
        "version_in_progress": _version(status.in_progress),
    }


@router.get("/ai-policy", response=s.PolicyOut, summary="The AI policy (5.2): its document and versions")
def policy_detail(request: AuthedRequest, target: Query[s.OrganizationParam]) -> dict[str, Any]:
    return _overview(get_organization_for_user(request.user, target.organization))


@router.post("/ai-policy", response={201: s.PolicyOut}, summary="Start the AI policy from the template")
def policy_start(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_draft_policy)
    actions.start_ai_policy(actor=request.user, organization=organization)
    return Status(201, _overview(organization))


@router.get("/aligned", response=list[s.AlignedOut], summary="Policies the AI policy aligns with (A.2.3)")
@paginate(PagePagination)
def aligned_list(request: AuthedRequest, target: Query[s.OrganizationParam]) -> Any:
    return queries.aligned_for(get_organization_for_user(request.user, target.organization))


@router.post("/aligned", response={201: s.AlignedOut}, summary="Link a policy the AI policy aligns with")
def aligned_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.AlignedIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_draft_policy)
    document = Document.objects.filter(organization=organization, pk=payload.document).first()
    if document is None:
        raise ValidationError({"document": "No such document in this organisation."})
    link = actions.link_aligned_policy(
        actor=request.user, organization=organization, document=document, note=payload.note
    )
    return Status(201, link)


@router.delete("/aligned/{link_id}", response={204: None}, summary="Unlink an aligned policy")
def aligned_delete(request: AuthedRequest, link_id: int) -> Any:
    link = get_aligned_for_user(request.user, None, link_id, can_draft_policy)
    actions.unlink_aligned_policy(actor=request.user, link=link)
    return Status(204, None)


@router.get("/reviews", response=list[s.ReviewOut], summary="Policy reviews (A.2.4), newest first")
@paginate(PagePagination)
def review_list(request: AuthedRequest, filters: Query[s.ReviewQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.reviews_for(organization, outcome=filters.outcome or "", q=filters.q.strip())


def _review_target(
    organization: Organization, payload: s.ReviewIn
) -> tuple[Document, DocumentVersion | None]:
    documents = Document.objects.filter(organization=organization)
    if payload.document is None:
        status = queries.policy_status(organization)
        document = status.document
    else:
        document = documents.filter(pk=payload.document).first()
    if document is None:
        raise ValidationError({"document": "No such document in this organisation."})
    version = None
    if payload.version is not None:
        version = DocumentVersion.objects.filter(document=document, number=payload.version).first()
        if version is None:
            raise ValidationError({"version": f"{document.reference} has no version {payload.version}."})
    return document, version


def _member(organization: Organization, email: str, field: str) -> Any:
    try:
        return member_by_email(organization, email)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


@router.post("/reviews", response={201: s.ReviewOut}, summary="Record a policy review")
def review_create(request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.ReviewIn) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_record_leadership)
    document, version = _review_target(organization, payload)
    reviewers = [_member(organization, email, "reviewers") for email in payload.reviewers]
    review = actions.record_policy_review(
        actor=request.user,
        document=document,
        version=version,
        reviewed_on=payload.reviewed_on,
        reviewers=reviewers,
        outcome=payload.outcome,
        findings=payload.findings,
        next_review_on=payload.next_review_on,
    )
    return Status(201, review)


@router.get("/reviews/{review_id}", response=s.ReviewOut, summary="One policy review")
def review_detail(request: AuthedRequest, review_id: int) -> PolicyReview:
    return get_review_for_user(request.user, None, review_id)


@router.get("/commitments", response=list[s.CommitmentOut], summary="Top management's commitment (5.1)")
@paginate(PagePagination)
def commitment_list(request: AuthedRequest, filters: Query[s.CommitmentQuery]) -> Any:
    organization = get_organization_for_user(request.user, filters.organization)
    return queries.commitments_for(organization, kind=filters.kind or "", q=filters.q.strip())


@router.post("/commitments", response={201: s.CommitmentOut}, summary="Record top management's commitment")
def commitment_create(
    request: AuthedRequest, target: Query[s.OrganizationParam], payload: s.CommitmentIn
) -> Any:
    organization = get_organization_for_user(request.user, target.organization, require=can_record_leadership)
    values = payload.model_dump()
    values["member"] = _member(organization, values["member"], "member")
    return Status(201, actions.record_commitment(actor=request.user, organization=organization, **values))


@router.get("/commitments/{record_id}", response=s.CommitmentOut, summary="One commitment record")
def commitment_detail(request: AuthedRequest, record_id: int) -> CommitmentRecord:
    return get_commitment_for_user(request.user, None, record_id)
