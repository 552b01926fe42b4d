"""Every change to acknowledgement campaigns: permission, validation, write and audit event, atomically.

Owners and managers start, remind and close campaigns; only the recipient of a request acknowledges it.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from aims.acknowledgements.models import AcknowledgementRequest, Campaign
from aims.audit.trail import record
from aims.documents.models import DocumentVersion
from aims.lib.errors import ActionError
from aims.organizations.models import Membership
from aims.organizations.permissions import can_manage_members, can_take_part

if TYPE_CHECKING:
    from datetime import date

    from aims.accounts.models import User

REMINDER_GAP = timedelta(hours=24)


def _require_manager(actor: User, campaign_or_version: Campaign | DocumentVersion, doing: str) -> None:
    organization = (
        campaign_or_version.organization
        if isinstance(campaign_or_version, Campaign)
        else campaign_or_version.document.organization
    )
    if not can_manage_members(actor, organization):
        raise PermissionDenied(f"Only owners and managers can {doing}.")


def my_acknowledgements_url(campaign: Campaign) -> str:
    path = reverse("acknowledgements:my_acknowledgements", kwargs={"org": campaign.organization.slug})
    return settings.SITE_URL.rstrip("/") + path


def _mail(campaign: Campaign, recipient: User, *, reminder: bool) -> int:
    document = campaign.version.document
    opening = "A reminder: please read" if reminder else "Please read"
    lines = [
        f"{opening} {document.reference} {document.title}, version {campaign.version.number}, "
        f"and confirm in aims that you have read and understood it.",
    ]
    if campaign.message:
        lines += ["", campaign.message]
    if campaign.due_on:
        lines += ["", f"Please do so by {campaign.due_on.isoformat()}."]
    lines += ["", my_acknowledgements_url(campaign)]
    subject = f"{'Reminder: ' if reminder else ''}please read {document.reference} {document.title}"
    return send_mail(subject, "\n".join(lines), None, [recipient.email], fail_silently=True)


def _ask(campaign: Campaign, people: list[User]) -> None:
    for person in people:
        _mail(campaign, person, reminder=False)


def _check_due(due_on: date | None) -> None:
    if due_on is not None and due_on < timezone.localdate():
        raise ValidationError({"due_on": "The due date has passed already; choose today or a later day."})


def _recipients(version: DocumentVersion) -> list[User]:
    document = version.document
    members = Membership.objects.filter(organization=document.organization).values("user_id")
    return list(document.distribution.filter(pk__in=members).order_by("email"))


@transaction.atomic
def start_campaign(
    *, actor: User, version: DocumentVersion, due_on: date | None = None, message: str = ""
) -> Campaign:
    """Ask everyone on the document's distribution list to read and acknowledge this published version."""
    _require_manager(actor, version, "start acknowledgement campaigns")
    version = (
        DocumentVersion.objects.select_for_update()
        .select_related("document__organization")
        .get(pk=version.pk)
    )
    document = version.document
    if version.state != DocumentVersion.State.PUBLISHED:
        raise ActionError(
            f"Version {version.number} of {document.reference} is {version.get_state_display().lower()}; "
            "only the published version in force can be acknowledged."
        )
    if Campaign.objects.filter(version=version, closed_at__isnull=True).exists():
        raise ActionError(f"Version {version.number} of {document.reference} has an open campaign already.")
    _check_due(due_on)
    recipients = _recipients(version)
    if not recipients:
        raise ActionError(
            f"The distribution list of {document.reference} is empty: add the people who must read it to the "
            "document's distribution list first."
        )
    campaign = Campaign.objects.create(
        organization=document.organization,
        version=version,
        started_by=actor,
        due_on=due_on,
        message=message.strip(),
    )
    # Acknowledgements are kept per version: whoever acknowledged it in an earlier campaign has done so.
    done = dict(
        AcknowledgementRequest.objects.filter(
            campaign__version=version, recipient__in=recipients, acknowledged_at__isnull=False
        ).values_list("recipient_id", "acknowledged_at")
    )
    AcknowledgementRequest.objects.bulk_create(
        [
            AcknowledgementRequest(campaign=campaign, recipient=r, acknowledged_at=done.get(r.pk))
            for r in recipients
        ]
    )
    pending = [person for person in recipients if person.pk not in done]
    transaction.on_commit(lambda: _ask(campaign, pending))
    record(
        actor=actor,
        verb="acknowledgement_campaign.started",
        target=campaign,
        data={
            "document": document.reference,
            "version": version.number,
            "recipients": len(recipients),
            "acknowledged_before": len(done),
            "due_on": due_on,
        },
    )
    return campaign


@transaction.atomic
def acknowledge_version(*, actor: User, request: AcknowledgementRequest) -> AcknowledgementRequest:
    """The recipient says they have read and understood the version."""
    if request.recipient_id != actor.pk or not can_take_part(actor, request.campaign.organization):
        raise PermissionDenied("Only the person asked can acknowledge this.")
    request = AcknowledgementRequest.objects.select_for_update().get(pk=request.pk)
    campaign = Campaign.objects.select_related("organization", "version__document").get(
        pk=request.campaign_id
    )
    if request.acknowledged_at is not None:
        raise ActionError(f"You acknowledged this version on {request.acknowledged_at:%Y-%m-%d}.")
    if not campaign.is_open:
        raise ActionError("This campaign is closed; acknowledgements are no longer taken for it.")
    request.acknowledged_at = timezone.now()
    request.save(update_fields=["acknowledged_at"])
    version = campaign.version
    record(
        actor=actor,
        verb="acknowledgement.recorded",
        target=campaign,
        data={"document": version.document.reference, "version": version.number, "request": request.pk},
    )
    request.campaign = campaign
    return request


@transaction.atomic
def send_reminders(*, actor: User, campaign: Campaign) -> int:
    """E-mail every recipient who has not acknowledged yet and was not reminded in the last 24 hours."""
    _require_manager(actor, campaign, "send reminders")
    campaign = (
        Campaign.objects.select_for_update()
        .select_related("version__document", "organization")
        .get(pk=campaign.pk)
    )
    if not campaign.is_open:
        raise ActionError("This campaign is closed; reopen nothing, start a new campaign instead.")
    now = timezone.now()
    due = (
        campaign.requests.filter(acknowledged_at__isnull=True)
        .exclude(last_reminded_at__gt=now - REMINDER_GAP)
        .select_related("recipient")
        .order_by("recipient__email")
    )
    reminded = []
    for request in due:
        if _mail(campaign, request.recipient, reminder=True):
            request.reminders_sent += 1
            request.last_reminded_at = now
            reminded.append(request)
    AcknowledgementRequest.objects.bulk_update(reminded, ["reminders_sent", "last_reminded_at"])
    record(
        actor=actor,
        verb="acknowledgement_campaign.reminded",
        target=campaign,
        data={"sent": len(reminded), "recipients": [r.recipient.email for r in reminded]},
    )
    return len(reminded)


@transaction.atomic
def close_campaign(*, actor: User, campaign: Campaign) -> Campaign:
    """Stop taking acknowledgements; who had and had not acknowledged stays on the record."""
    _require_manager(actor, campaign, "close campaigns")
    campaign = Campaign.objects.select_for_update().get(pk=campaign.pk)
    if not campaign.is_open:
        raise ActionError(f"This campaign was closed on {campaign.closed_at:%Y-%m-%d}.")
    campaign.closed_at, campaign.closed_by = timezone.now(), actor
    campaign.save(update_fields=["closed_at", "closed_by"])
    total = campaign.requests.count()
    acknowledged = campaign.requests.filter(acknowledged_at__isnull=False).count()
    record(
        actor=actor,
        verb="acknowledgement_campaign.closed",
        target=campaign,
        data={"recipients": total, "acknowledged": acknowledged},
    )
    return campaign
