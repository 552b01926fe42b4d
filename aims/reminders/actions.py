"""What a member does with their own notices: mark one read, or all of an organisation's. Reading a notice
changes nothing in the management system, so it writes no audit event."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from aims.organizations.permissions import can_view_organization
from aims.reminders.models import Notice

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.organizations.models import Organization


@transaction.atomic
def mark_notice_read(*, actor: User, notice: Notice) -> Notice:
    """Mark one of the actor's notices read; reading it again changes nothing."""
    if notice.recipient_id != actor.pk:
        raise PermissionDenied("Only the person a notice is for can mark it read.")
    if notice.read_at is None:
        notice.read_at = timezone.now()
        notice.save(update_fields=["read_at"])
    return notice


@transaction.atomic
def mark_all_notices_read(*, actor: User, organization: Organization) -> int:
    """Mark all the actor's unread notices in the organisation read; returns how many."""
    if not can_view_organization(actor, organization):
        raise PermissionDenied("You are not a member of this organisation.")
    unread = Notice.objects.filter(recipient=actor, organization=organization, read_at__isnull=True)
    return unread.update(read_at=timezone.now())
