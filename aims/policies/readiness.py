"""Readiness rules for clauses 5.1, 5.2 and 7.1, read from the AI policy and top management's records.

The AI policy is the organisation's `AIPolicy` document: it is in force when that document is active and has
a published version. `policy_in_force` is what the other registers' rules (the acknowledgements) judge by.

Resources (7.1) are judged here with leadership: top management allocates them (a commitment record of the
kind "resources allocated"), and the resources register shows them determined for each AI system in scope.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, Max, OuterRef
from django.utils import timezone

from aims.ai_systems.readiness import in_scope, system_link
from aims.components.models import Resource, Status
from aims.documents.models import Document, DocumentVersion
from aims.policies.models import AIPolicy, AlignedPolicy, CommitmentRecord, PolicyReview
from aims.readiness.checks import none_of, plural, reference_label
from aims.readiness.context import Context
from aims.readiness.registry import Link, Outcome, Severity, failed, passed, rule

BLOCKER, NC, OBSERVATION = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def ai_policy(ctx: Context) -> AIPolicy | None:
    """The organisation's AI policy (its document and version in force read with it), if one was started."""
    return ctx.once(
        "policies.policy",
        lambda: (
            AIPolicy.objects.filter(organization=ctx.organization)
            .select_related("document__current_version")
            .first()
        ),
    )


def policy_document(ctx: Context) -> Document | None:
    policy = ai_policy(ctx)
    return policy.document if policy is not None else None


def policy_in_force(ctx: Context) -> DocumentVersion | None:
    """The published version of the AI policy in force: None when there is no policy, it was withdrawn, or
    none of its versions has been published."""
    document = policy_document(ctx)
    if document is None or document.status != Document.Status.ACTIVE:
        return None
    current = document.current_version
    return current if current is not None and current.state == DocumentVersion.State.PUBLISHED else None


def document_link(ctx: Context, document: Document) -> Link:
    return ctx.link(reference_label(document), "documents:document_detail", pk=document.pk)


def publish_link(ctx: Context) -> Link:
    return ctx.link("Approve and publish the AI policy", "policies:policy_home")


def _no_policy_in_force(ctx: Context, message: str) -> Outcome:
    return failed(message, fix=publish_link(ctx))


def _commitments(ctx: Context) -> dict[str, Any]:
    """How many commitment records there are, and the day of the latest (one query, read once)."""
    return ctx.once(
        "policies.commitments",
        lambda: CommitmentRecord.objects.filter(organization=ctx.organization).aggregate(
            count=Count("pk"), latest=Max("occurred_on")
        ),
    )


def _commitment_fix(ctx: Context) -> Link:
    return ctx.link("Record what top management did", "policies:commitment_create")


@rule("5.1-commitment-recorded", "5.1", "Top management's commitment to the AIMS is on record", BLOCKER)
def commitment_recorded(ctx: Context) -> Outcome:
    """Leadership is the first thing an auditor asks to see: a signed statement, resources, roles."""
    found = _commitments(ctx)
    if not found["count"]:
        return failed("No record shows top management's commitment to the AIMS.", fix=_commitment_fix(ctx))
    return passed(
        f"{plural(found['count'], 'record shows', 'records show')} top management's commitment to the AIMS."
    )


@rule("5.1-commitment-recent", "5.1", "Top management has shown its commitment lately", OBSERVATION)
def commitment_recent(ctx: Context) -> Outcome:
    """Leadership is shown again at least once per management review cycle (`management_review_months`)."""
    months = ctx.settings.management_review_months
    latest = _commitments(ctx)["latest"]
    if latest is None:
        return failed("No commitment by top management is recorded.", fix=_commitment_fix(ctx))
    if latest < ctx.months_ago(months):
        return failed(
            f"Top management's latest recorded commitment dates from {latest:%Y-%m-%d}, "
            f"more than {plural(months, 'month')} ago.",
            fix=_commitment_fix(ctx),
        )
    return passed(f"Top management's latest recorded commitment dates from {latest:%Y-%m-%d}.")


@rule(
    "5.1-policy-aligned", "5.1", "The AI policy is fitted to the organisation's other policies", OBSERVATION
)
def policy_aligned(ctx: Context) -> Outcome:
    """Integration into the business shows in the AI policy's links to the other policies it must agree
    with; a link to a withdrawn policy no longer shows it."""
    links = AlignedPolicy.objects.filter(organization=ctx.organization).select_related("document")
    fix = ctx.link("Link the policies the AI policy aligns with", "policies:aligned_create")
    if not links.filter(document__status=Document.Status.ACTIVE).exists():
        return failed("No other policy of the organisation is linked to the AI policy.", fix=fix)
    return none_of(
        links.filter(document__status=Document.Status.WITHDRAWN).order_by("document__reference"),
        ok="The AI policy is linked to the organisation's other policies in force.",
        problem=lambda n: (
            f"{plural(n, 'policy linked to the AI policy is', 'policies linked to the AI policy are')} "
            "withdrawn."
        ),
        link=lambda aligned: document_link(ctx, aligned.document),
        fix=ctx.link("Update the aligned policies", "policies:policy_home"),
    )


@rule("5.2-policy-approved", "5.2", "An AI policy is approved and published", BLOCKER)
def policy_approved(ctx: Context) -> Outcome:
    policy = ai_policy(ctx)
    if policy is None:
        return failed(
            "No AI policy has been written.", fix=ctx.link("Start the AI policy", "policies:policy_start")
        )
    document = policy.document
    if document.status != Document.Status.ACTIVE:
        return failed(
            f"The AI policy {document.reference} is withdrawn and no new one has been started.",
            records=[document_link(ctx, document)],
            fix=ctx.link("Start a new AI policy", "policies:policy_start"),
        )
    version = policy_in_force(ctx)
    if version is None:
        return failed(
            "The AI policy has no approved version in force: none has been published.",
            records=[document_link(ctx, document)],
            fix=publish_link(ctx),
        )
    return passed(
        f"Version {version.number} of the AI policy {document.reference} is approved and published."
    )


@rule("5.2-policy-current", "5.2", "The AI policy is not past its review date", BLOCKER)
def policy_current(ctx: Context) -> Outcome:
    document = policy_document(ctx)
    if document is None or policy_in_force(ctx) is None:
        return _no_policy_in_force(ctx, "No AI policy is in force, so none is up to date.")
    due = document.next_review_on
    if due is not None and due >= ctx.today:
        return passed(f"The AI policy is next due for review on {due:%Y-%m-%d}.")
    return failed(
        f"The AI policy {document.reference} was due for review on {due:%Y-%m-%d}; it is out of date."
        if due is not None
        else f"The AI policy {document.reference} has no review date; it cannot be shown to be up to date.",
        records=[document_link(ctx, document)],
        fix=ctx.link("Review the AI policy", "policies:review_create"),
    )


@rule("5.2-policy-reviewed", "5.2", "Reviews of the AI policy are recorded", OBSERVATION)
def policy_reviewed(ctx: Context) -> Outcome:
    """A review with its findings within the document's own review interval; a policy started within that
    interval is not yet due for its first review."""
    policy = ai_policy(ctx)
    if policy is None or policy_in_force(ctx) is None:
        return _no_policy_in_force(ctx, "No AI policy is in force to be reviewed.")
    months = policy.document.review_interval_months
    since = ctx.months_ago(months)
    last = (
        PolicyReview.objects.filter(organization=ctx.organization, document=policy.document)
        .order_by("-reviewed_on")
        .values_list("reviewed_on", flat=True)
        .first()
    )
    if last is not None and last >= since:
        return passed(f"The AI policy was last reviewed on {last:%Y-%m-%d}.")
    if last is None and timezone.localdate(policy.started_at) >= since:
        return passed("The AI policy is newer than its review interval; its first review is not yet due.")
    return failed(
        f"No review of the AI policy is recorded in the last {plural(months, 'month')}.",
        records=[document_link(ctx, policy.document)],
        fix=ctx.link("Record a review of the AI policy", "policies:review_create"),
    )


@rule("7.1-resources-allocated", "7.1", "Top management has allocated resources to the AIMS", NC)
def resources_allocated(ctx: Context) -> Outcome:
    """The resources the AIMS needs are decided by top management: a commitment record of the kind
    "resources allocated", renewed at least once per management review cycle (`management_review_months`)."""
    months = ctx.settings.management_review_months
    latest = CommitmentRecord.objects.filter(
        organization=ctx.organization, kind=CommitmentRecord.Kind.RESOURCES
    ).aggregate(latest=Max("occurred_on"))["latest"]
    fix = ctx.link("Record the resources allocated", "policies:commitment_create")
    if latest is None:
        return failed("No record shows resources allocated to the AIMS.", fix=fix)
    if latest < ctx.months_ago(months):
        return failed(
            f"Resources were last recorded as allocated on {latest:%Y-%m-%d}, "
            f"more than {plural(months, 'month')} ago.",
            fix=fix,
        )
    return passed(f"Resources were last allocated to the AIMS on {latest:%Y-%m-%d}.")


@rule("7.1-systems-resourced", "7.1", "Every AI system in scope has its resources recorded", OBSERVATION)
def systems_resourced(ctx: Context) -> Outcome:
    """The resources each AI system in scope runs on (tooling, computing) are determined: at least one active
    entry of the resources register is linked to it."""
    resources = Resource.objects.filter(
        organization=ctx.organization, status=Status.ACTIVE, ai_systems=OuterRef("pk")
    )
    bare = in_scope(ctx).filter(~Exists(resources)).order_by("reference")
    return none_of(
        bare,
        ok="Every AI system in scope has its resources recorded.",
        problem=lambda n: (
            f"{plural(n, 'AI system in scope has', 'AI systems in scope have')} no resource recorded."
        ),
        link=lambda system: system_link(ctx, system),
        fix=ctx.link("Record the resources they use", "components:resource_list"),
    )


RULES = [
    commitment_recorded,
    commitment_recent,
    policy_aligned,
    policy_approved,
    policy_current,
    policy_reviewed,
    resources_allocated,
    systems_resourced,
]
