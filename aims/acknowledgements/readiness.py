"""Readiness rules read from the acknowledgement campaigns: the AI policy known to the members (5.2, 7.3), the
documents in force read by those who must read them (7.3), and withdrawn documents no longer handed out
(7.5.3).

An acknowledgement counts for the version it was given on, through any campaign on that version, and only
while the person is one of the organisation's own members (a visiting external auditor is not asked).
"""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Exists, OuterRef, Q

from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.documents.models import Document, DocumentVersion
from aims.documents.readiness import document_link, in_force
from aims.people.readiness import own_members
from aims.policies.readiness import policy_in_force, publish_link
from aims.readiness.checks import none_of, plural
from aims.readiness.context import Context
from aims.readiness.registry import MAX_RECORDS, Link, Outcome, Severity, failed, passed, rule

NC, OBSERVATION = Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def campaign_link(ctx: Context, campaign: Campaign, label: str) -> Link:
    return ctx.link(label, "acknowledgements:campaign_detail", pk=campaign.pk)


def start_link(ctx: Context, label: str, version: DocumentVersion | None = None) -> Link:
    url = ctx.url("acknowledgements:campaign_create")
    return Link(label, f"{url}?version={version.pk}" if version is not None else url)


def _policy_fix(ctx: Context, version: DocumentVersion) -> Link:
    """The open campaign on the policy in force, where reminders are sent; else where one is started."""
    campaign = Campaign.objects.filter(organization=ctx.organization, version=version).open().first()
    if campaign is None:
        return start_link(ctx, "Ask the members to acknowledge the AI policy", version)
    return campaign_link(ctx, campaign, "Remind those who have not acknowledged it")


@rule(
    "5.2-policy-acknowledged",
    ("5.2", "7.3"),
    "The AI policy in force is known to the members: enough of them have acknowledged it",
    NC,
)
def policy_acknowledged(ctx: Context) -> Outcome:
    """The share of members who acknowledged the version in force, against `acknowledgement_percent`."""
    version = policy_in_force(ctx)
    if version is None:
        return failed("No AI policy is in force to be acknowledged.", fix=publish_link(ctx))
    acknowledged = AcknowledgementRequest.objects.filter(
        campaign__organization=ctx.organization,
        campaign__version=version,
        recipient=OuterRef("user"),
        acknowledged_at__isnull=False,
    )
    members = own_members(ctx)
    counts = members.aggregate(total=Count("pk"), done=Count("pk", filter=Exists(acknowledged)))
    total, done, needed = counts["total"], counts["done"], ctx.settings.acknowledgement_percent
    share = 100 * done // total if total else 0
    said = f"{done} of {plural(total, 'member')} ({share}%) have acknowledged version {version.number}"
    if done * 100 >= needed * total:
        return passed(f"{said} of the AI policy in force; {needed}% are needed.")
    fix = _policy_fix(ctx, version)
    pending = members.filter(~Exists(acknowledged)).select_related("user").order_by("user__email")
    return failed(
        f"Only {said} of the AI policy in force; {needed}% are needed.",
        records=[Link(membership.user.display_name, fix.url) for membership in pending[:MAX_RECORDS]],
        count=total - done,
        fix=fix,
    )


def _version_words(document: Document) -> str:
    return f"version {document.current_version.number}" if document.current_version is not None else ""


@rule(
    "7.3-documents-acknowledged",
    "7.3",
    "Documents in force are put to the people who must read them",
    OBSERVATION,
)
def documents_acknowledged(ctx: Context) -> Outcome:
    """A document in force with a distribution list has had an acknowledgement campaign on its version."""
    listed = Document.distribution.through.objects.filter(document=OuterRef("pk"))
    asked = Campaign.objects.filter(version=OuterRef("current_version"))
    unasked = (
        in_force(ctx)
        .filter(Exists(listed))
        .filter(~Exists(asked))
        .select_related("current_version")
        .order_by("reference")
    )
    return none_of(
        unasked,
        ok="Every document in force with a distribution list has been put to its readers.",
        problem=lambda n: (
            f"{plural(n, 'document in force has', 'documents in force have')} never been put to the people "
            "who must read it."
        ),
        link=lambda document: document_link(ctx, document, _version_words(document)),
        fix=start_link(ctx, "Start acknowledgement campaigns"),
    )


def _late_link(ctx: Context, campaign: Any) -> Link:
    """A late campaign, with the `total` and `pending` counts `campaigns_on_time` annotates."""
    label = (
        f"{campaign.version}: {campaign.pending} of {campaign.total} yet to acknowledge, "
        f"due {campaign.due_on:%Y-%m-%d}"
    )
    return campaign_link(ctx, campaign, label)


@rule("7.3-campaigns-on-time", "7.3", "Acknowledgements are given by their due date", OBSERVATION)
def campaigns_on_time(ctx: Context) -> Outcome:
    late = (
        Campaign.objects.filter(organization=ctx.organization, due_on__lt=ctx.today)
        .open()
        .annotate(
            total=Count("requests"),
            pending=Count("requests", filter=Q(requests__acknowledged_at__isnull=True)),
        )
        .filter(pending__gt=0)
        .select_related("version__document")
        .order_by("due_on", "pk")
    )
    return none_of(
        late,
        ok="No open acknowledgement campaign is past its due date with people yet to acknowledge.",
        problem=lambda n: (
            f"{plural(n, 'acknowledgement campaign is', 'acknowledgement campaigns are')} past the due date "
            "with people yet to acknowledge."
        ),
        link=lambda campaign: _late_link(ctx, campaign),
        fix=ctx.link("Remind those who have not acknowledged", "acknowledgements:campaign_list"),
    )


@rule("7.5.3-withdrawn-not-distributed", "7.5.3", "Withdrawn documents are no longer handed out", OBSERVATION)
def withdrawn_not_distributed(ctx: Context) -> Outcome:
    """A withdrawn document is still being handed out while a campaign asks people to read one of its
    versions."""
    asking = Campaign.objects.filter(version__document=OuterRef("pk"), closed_at__isnull=True)
    handed_out = (
        Document.objects.filter(organization=ctx.organization, status=Document.Status.WITHDRAWN)
        .filter(Exists(asking))
        .order_by("reference")
    )
    return none_of(
        handed_out,
        ok="No withdrawn document is still put to people to read.",
        problem=lambda n: (
            f"{plural(n, 'withdrawn document is', 'withdrawn documents are')} still put to people to read "
            "in an open acknowledgement campaign."
        ),
        link=lambda document: document_link(ctx, document),
        fix=ctx.link("Close their campaigns", "acknowledgements:campaign_list"),
    )


RULES = [policy_acknowledged, documents_acknowledged, campaigns_on_time, withdrawn_not_distributed]
