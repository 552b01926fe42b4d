"""Reads of a member's notices; each a fixed number of queries."""

from __future__ import annotations

from django.db.models import F, QuerySet

from aims.accounts.models import User
from aims.organizations.models import Organization
from aims.reminders.models import Notice


def notices_for(user: User, organization: Organization, *, unread_only: bool = False) -> QuerySet[Notice]:
    """The member's own notices in the organisation: unread first, then newest first."""
    rows = Notice.objects.filter(recipient=user, organization=organization)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    return rows.order_by(F("read_at").desc(nulls_first=True), "-created_at", "-pk")


def unread_count(user: User, organization: Organization) -> int:
    return Notice.objects.filter(recipient=user, organization=organization, read_at__isnull=True).count()
