"""Reading the AI policy and its records: the policy's status, and the filtered lists around it.

Every list is `organization = ?` plus equality filters, served by the `pol_*` indexes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from aims.documents.models import Document, DocumentVersion
from aims.organizations.models import Organization
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview

IN_PROGRESS = (
    DocumentVersion.State.DRAFT,
    DocumentVersion.State.IN_REVIEW,
    DocumentVersion.State.CHANGES_REQUESTED,
    DocumentVersion.State.APPROVED,
)


@dataclass(frozen=True)
class PolicyStatus:
    """Where the AI policy stands: none yet, or its document, version in force and version in progress."""

    policy: AIPolicy | None
    document: Document | None
    current: DocumentVersion | None
    in_progress: DocumentVersion | None

    @property
    def exists(self) -> bool:
        return self.document is not None and self.document.status == Document.Status.ACTIVE


def policy_status(organization: Organization) -> PolicyStatus:
    policy = (
        AIPolicy.objects.select_related("document__current_version", "document__owner", "started_by")
        .filter(organization=organization)
        .first()
    )
    if policy is None:
        return PolicyStatus(None, None, None, None)
    document = policy.document
    in_progress = (
        DocumentVersion.objects.filter(document=document, state__in=IN_PROGRESS)
        .select_related("author")
        .order_by("-number")
        .first()
    )
    return PolicyStatus(policy, document, document.current_version, in_progress)


def aligned_for(organization: Organization) -> QuerySet[AlignedPolicy]:
    return AlignedPolicy.objects.filter(organization=organization).select_related(
        "document__current_version", "linked_by"
    )


def alignable_documents(organization: Organization) -> QuerySet[Document]:
    """Active documents that could be linked: not the AI policy, not linked already; policies first."""
    taken = AlignedPolicy.objects.filter(organization=organization).values("document_id")
    policy = AIPolicy.objects.filter(organization=organization).values("document_id")
    return (
        Document.objects.filter(organization=organization, status=Document.Status.ACTIVE)
        .exclude(pk__in=taken)
        .exclude(pk__in=policy)
        .order_by("reference")
    )


def reviewable_documents(organization: Organization) -> QuerySet[Document]:
    """The AI policy and the policies it aligns with."""
    linked = AlignedPolicy.objects.filter(organization=organization).values("document_id")
    policy = AIPolicy.objects.filter(organization=organization).values("document_id")
    return (
        Document.objects.filter(organization=organization)
        .filter(Q(pk__in=linked) | Q(pk__in=policy))
        .order_by("reference")
    )


def reviews_for(organization: Organization, *, outcome: str = "", q: str = "") -> QuerySet[PolicyReview]:
    reviews = PolicyReview.objects.filter(organization=organization)
    if outcome:
        reviews = reviews.filter(outcome=outcome)
    if q:
        reviews = reviews.filter(Q(findings__icontains=q) | Q(document__title__icontains=q))
    return (
        reviews.select_related("document", "version", "recorded_by")
        .prefetch_related("reviewers")
        .order_by("-reviewed_on", "-pk")
    )


def commitments_for(organization: Organization, *, kind: str = "", q: str = "") -> QuerySet[CommitmentRecord]:
    records = CommitmentRecord.objects.filter(organization=organization)
    if kind:
        records = records.filter(kind=kind)
    if q:
        records = records.filter(description__icontains=q)
    return records.select_related("member", "recorded_by").order_by("-occurred_on", "-pk")
