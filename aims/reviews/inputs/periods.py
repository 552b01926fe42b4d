"""A period of whole days as the datetimes that bound it, in the site's time zone."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from aims.reviews.registry import Period


def bounds(period: Period) -> tuple[datetime, datetime]:
    """From the start of the first day (inclusive) to the start of the day after the last (exclusive)."""
    zone = timezone.get_current_timezone()
    start = datetime.combine(period.start, time.min, tzinfo=zone)
    end = datetime.combine(period.end + timedelta(days=1), time.min, tzinfo=zone)
    return start, end


def within(field: str, period: Period) -> Q:
    """A datetime field in the period."""
    start, end = bounds(period)
    return Q(**{f"{field}__gte": start, f"{field}__lt": end})


def on_days(field: str, period: Period) -> Q:
    """A date field in the period."""
    return Q(**{f"{field}__gte": period.start, f"{field}__lte": period.end})
