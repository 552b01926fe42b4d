"""Every change to the AI policy's records: permission, validation, write and audit event, in one transaction.

The AI policy's text is a controlled document: `start_ai_policy` creates it through the documents app's
actions, and its versions move through review, approval and publication there.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.trail import record
from aims.documents import actions as documents
from aims.documents.models import Document, DocumentVersion
from aims.lib.errors import ActionError
from aims.organizations.models import Membership, Organization
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview
from aims.policies.permissions import can_draft_policy, can_record_leadership

if TYPE_CHECKING:
    from aims.accounts.models import User

TEMPLATE = Path(__file__).parent / "templates" / "policies" / "ai_policy_template.md"
REFERENCE = "POL-AI"
TITLE = "AI policy"


def _require(allowed: bool, message: str) -> None:
    if not allowed:
        raise PermissionDenied(message)


def ai_policy_of(organization: Organization) -> AIPolicy | None:
    return AIPolicy.objects.select_related("document").filter(organization=organization).first()


def template_text(organization: Organization) -> str:
    """The starting template, with the organisation's name, AI roles and AI systems in scope filled in."""
    text = TEMPLATE.read_text(encoding="utf-8").replace("[Organisation name]", organization.name)
    labels = dict(Organization.AIRole.choices)
    roles = [str(labels[role]) for role in organization.ai_roles if role in labels]
    if roles:
        text = text.replace("[AI roles]", ", ".join(roles) + ".")
    systems = AISystem.objects.filter(organization=organization, in_scope=True).current()
    lines = [
        f"- {ref}: {name}" for ref, name in systems.order_by("reference").values_list("reference", "name")
    ]
    if lines:
        text = text.replace("[AI systems in scope]", "\n".join(lines[:200]))
    return text


def _free_reference(organization: Organization) -> str:
    taken = set(
        Document.objects.filter(organization=organization, reference__startswith=REFERENCE).values_list(
            "reference", flat=True
        )
    )
    if REFERENCE not in taken:
        return REFERENCE
    return next(f"{REFERENCE}-{n}" for n in range(2, len(taken) + 3) if f"{REFERENCE}-{n}" not in taken)


@transaction.atomic
def start_ai_policy(*, actor: User, organization: Organization) -> AIPolicy:
    """Create the AI policy document, version 1 drafted from the template, distributed to every member."""
    _require(can_draft_policy(actor, organization), "Only owners, managers and contributors can start it.")
    Organization.objects.select_for_update().filter(pk=organization.pk).first()
    existing = AIPolicy.objects.select_related("document").filter(organization=organization).first()
    if existing is not None and existing.document.status == Document.Status.ACTIVE:
        raise ActionError(f"{organization.name} has an AI policy already ({existing.document.reference}).")
    members = [m.user for m in Membership.objects.filter(organization=organization).select_related("user")]
    document = documents.create_document(
        actor=actor,
        organization=organization,
        title=TITLE,
        kind=Document.Kind.POLICY,
        reference=_free_reference(organization),
        description="The organisation's AI policy (ISO/IEC 42001 clause 5.2, controls A.2.2 to A.2.4).",
        owner=actor,
        distribution=members,
        body=template_text(organization),
        change_summary="First draft, from the aims template.",
    )
    if existing is not None:
        existing.document, existing.started_by = document, actor
        existing.save(update_fields=["document", "started_by"])
        policy = existing
    else:
        policy = AIPolicy.objects.create(organization=organization, document=document, started_by=actor)
    record(
        actor=actor,
        verb="ai_policy.started",
        target=document,
        organization=organization,
        data={"document": document.reference, "replaces_withdrawn": existing is not None},
    )
    return policy


def _policy_documents(organization: Organization) -> set[int]:
    ids = set(AlignedPolicy.objects.filter(organization=organization).values_list("document_id", flat=True))
    policy = AIPolicy.objects.filter(organization=organization).values_list("document_id", flat=True).first()
    return ids | ({policy} if policy else set())


@transaction.atomic
def link_aligned_policy(
    *, actor: User, organization: Organization, document: Document, note: str
) -> AlignedPolicy:
    """Record that the AI policy must align with another policy, and how (A.2.3)."""
    _require(
        can_draft_policy(actor, organization), "Only owners, managers and contributors can link policies."
    )
    if document.organization_id != organization.pk:
        raise ValidationError({"document": "Choose a document of this organisation."})
    if AIPolicy.objects.filter(organization=organization, document=document).exists():
        raise ValidationError({"document": "This is the AI policy itself; choose another policy."})
    if document.status != Document.Status.ACTIVE:
        raise ValidationError({"document": f"{document.reference} is withdrawn; choose a policy in force."})
    if AlignedPolicy.objects.filter(organization=organization, document=document).exists():
        raise ValidationError({"document": f"{document.reference} is linked already."})
    link = AlignedPolicy(organization=organization, document=document, note=note.strip(), linked_by=actor)
    link.full_clean(exclude=["organization", "document", "linked_by"], validate_constraints=False)
    link.save()
    record(
        actor=actor,
        verb="aligned_policy.linked",
        target=document,
        organization=organization,
        after={"document": document.reference, "note": link.note},
    )
    return link


@transaction.atomic
def unlink_aligned_policy(*, actor: User, link: AlignedPolicy) -> None:
    organization = link.organization
    _require(
        can_draft_policy(actor, organization), "Only owners, managers and contributors can unlink policies."
    )
    document = link.document
    before = {"document": document.reference, "note": link.note}
    link.delete()
    record(
        actor=actor, verb="aligned_policy.unlinked", target=document, organization=organization, before=before
    )


def _check_members(organization: Organization, people: Iterable[User], field: str) -> list[User]:
    chosen = list(people)
    if any(person is None for person in chosen):
        raise ValidationError({field: "Choose a member of this organisation."})
    member_ids = set(
        Membership.objects.filter(organization=organization, user__in=chosen).values_list(
            "user_id", flat=True
        )
    )
    if any(person.pk not in member_ids for person in chosen):
        raise ValidationError({field: "Choose members of this organisation only."})
    return chosen


def _review_dates(
    document: Document, reviewed_on: date, outcome: str, next_review_on: date | None
) -> date | None:
    if reviewed_on > timezone.localdate():
        raise ValidationError(
            {"reviewed_on": "A review is recorded once it has happened; this date is ahead."}
        )
    if outcome == PolicyReview.Outcome.WITHDRAWN:
        return None
    if next_review_on is not None and next_review_on <= reviewed_on:
        raise ValidationError({"next_review_on": "The next review must come after this one."})
    return next_review_on or documents.add_months(reviewed_on, document.review_interval_months)


def _check_version(document: Document, version: DocumentVersion | None) -> DocumentVersion | None:
    if version is None:
        return document.current_version
    if version.document_id != document.pk:
        raise ValidationError({"version": "Choose a version of the reviewed document."})
    return version


@transaction.atomic
def record_policy_review(
    *,
    actor: User,
    document: Document,
    reviewed_on: date,
    reviewers: Iterable[User],
    outcome: str,
    findings: str,
    version: DocumentVersion | None = None,
    next_review_on: date | None = None,
) -> PolicyReview:
    """Record a review of the AI policy or an aligned policy (A.2.4); it moves the document's next review,
    and a "withdrawn" outcome withdraws the document."""
    organization = document.organization
    _require(
        can_record_leadership(actor, organization), "Only owners and managers can record policy reviews."
    )
    if document.pk not in _policy_documents(organization):
        raise ValidationError({"document": "Choose the AI policy or one of the policies it aligns with."})
    people = _check_members(organization, reviewers, "reviewers")
    if not people:
        raise ValidationError({"reviewers": "Name at least one reviewer."})
    review = PolicyReview(
        organization=organization,
        document=document,
        version=_check_version(document, version),
        reviewed_on=reviewed_on,
        outcome=outcome,
        findings=findings.strip(),
        recorded_by=actor,
    )
    review.full_clean(exclude=["organization", "document", "version", "recorded_by", "next_review_on"])
    review.next_review_on = _review_dates(document, reviewed_on, outcome, next_review_on)
    review.save()
    review.reviewers.set(people)
    before = {"next_review_on": document.next_review_on}
    document.next_review_on = review.next_review_on
    document.last_reviewed_at, document.last_reviewed_by = timezone.now(), actor
    document.save(update_fields=["next_review_on", "last_reviewed_at", "last_reviewed_by", "updated_at"])
    record(
        actor=actor,
        verb="policy_review.recorded",
        target=document,
        organization=organization,
        before=before,
        after={"next_review_on": review.next_review_on},
        data={
            "review": review.pk,
            "version": review.version.number if review.version else None,
            "outcome": outcome,
            "reviewed_on": reviewed_on,
            "reviewers": sorted(person.email for person in people),
        },
    )
    if outcome == PolicyReview.Outcome.WITHDRAWN and document.status == Document.Status.ACTIVE:
        reason = f"Policy review of {reviewed_on.isoformat()}: {review.findings}"
        documents.withdraw_document(actor=actor, document=document, reason=reason)
    return review


@transaction.atomic
def record_commitment(
    *,
    actor: User,
    organization: Organization,
    kind: str,
    member: User,
    occurred_on: date,
    description: str,
    link: str = "",
) -> CommitmentRecord:
    """Record something top management did to lead the AI management system (5.1)."""
    _require(can_record_leadership(actor, organization), "Only owners and managers can record commitment.")
    _check_members(organization, [member], "member")
    if occurred_on > timezone.localdate():
        raise ValidationError({"occurred_on": "Record what has happened; this date is ahead."})
    commitment = CommitmentRecord(
        organization=organization,
        kind=kind,
        member=member,
        occurred_on=occurred_on,
        description=description.strip(),
        link=link.strip(),
        recorded_by=actor,
    )
    commitment.full_clean(exclude=["organization", "member", "recorded_by"])
    commitment.save()
    after = {
        "kind": kind,
        "member": member.email,
        "occurred_on": occurred_on,
        "description": commitment.description,
    }
    record(actor=actor, verb="commitment.recorded", target=commitment, after=after)
    return commitment
