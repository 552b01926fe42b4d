"""What falls due, asked of every register. Each app registers a provider in its AppConfig.ready():

    from aims.reminders.registry import register_provider
    register_provider("document_review", documents.reminders.due_reviews)

A provider takes the day the worker runs for and yields a `Due` for every open thing of every organisation
whose date is within `lead_days` ahead or already past. The worker turns each into one notice "falls due
soon" and, once the date has passed, one "overdue" notice, never more (the notice key holds the stage).
Providers must read in a fixed number of queries, whatever the number of records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

DEFAULT_LEAD_DAYS = 14


@dataclass(frozen=True)
class Due:
    organization_id: int
    kind: str
    """The provider's name, such as "document_review"."""
    key: str
    """Stable identity of the thing and its date, such as "documents.document:12:2026-12-01"."""
    subject: str
    """In words, such as "Review of DOC-0012 AI policy"."""
    due_on: date
    url: str
    """The record's page within aims."""
    recipient_ids: tuple[int, ...]
    """Who is told: the record's owner; when it has none, the organisation's owners and managers."""
    lead_days: int = DEFAULT_LEAD_DAYS


Provider = Callable[[date], Iterable[Due]]
_PROVIDERS: dict[str, Provider] = {}


def register_provider(kind: str, provider: Provider) -> None:
    _PROVIDERS[kind] = provider


def providers() -> dict[str, Provider]:
    return dict(_PROVIDERS)
