"""When a serious incident must be reported to the market surveillance authority (EU AI Act, Art. 73).

In our words: the provider of a high-risk AI system reports a serious incident as soon as it knows of it, and
at the latest 15 days after becoming aware; 2 days when it is a widespread infringement or disrupts critical
infrastructure; 10 days when a person has died. The clock starts when the organisation became aware.
"""

from __future__ import annotations

from datetime import datetime, timedelta

GENERAL = "general"
WIDESPREAD_OR_CRITICAL = "widespread_or_critical_infrastructure"
DEATH = "death"

DAYS = {GENERAL: 15, WIDESPREAD_OR_CRITICAL: 2, DEATH: 10}

HELP = (
    "EU AI Act Art. 73: report a serious incident to the authority as soon as possible, at the latest "
    "15 days after becoming aware of it; 2 days for a widespread infringement or a disruption of critical "
    "infrastructure; 10 days if a person died."
)


def reporting_deadline(became_aware_at: datetime, serious_kind: str) -> datetime:
    """The latest moment to report a serious incident of this kind, counted from the date of awareness."""
    if serious_kind not in DAYS:
        raise ValueError(f"Not a kind of serious incident: {serious_kind!r}")
    return became_aware_at + timedelta(days=DAYS[serious_kind])


def describe_remaining(remaining: timedelta) -> str:
    """A countdown in days and hours, such as "1 day 4 h" or "5 h"; "0 h" once it has run out."""
    seconds = max(int(remaining.total_seconds()), 0)
    days, rest = divmod(seconds, 86400)
    hours = rest // 3600
    if days:
        unit = "day" if days == 1 else "days"
        return f"{days} {unit} {hours} h"
    return f"{hours} h"
