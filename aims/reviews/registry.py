"""The inputs of a management review (9.3.2), asked of the registers that hold them. Each app registers a
provider in its AppConfig.ready():

    from aims.reviews.registry import register_input
    register_input("nonconformities", improvement.review_inputs.nonconformities)

A provider takes the organisation and the period under review and returns one `ReviewSection`, read in a
fixed number of queries whatever the size of the register (the bench compiles every input for an
organisation of 10,000 AI systems and 100,000 risks in under a second).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aims.organizations.models import Organization


@dataclass(frozen=True)
class ReviewRow:
    """A record worth the meeting's attention: RSK-0012, NC-0003, AUD-2026-01."""

    reference: str
    title: str
    status: str
    url: str = ""
    note: str = ""


@dataclass(frozen=True)
class ReviewSection:
    key: str
    """Stable name, such as "nonconformities"."""
    title: str
    """Heading, such as "Nonconformities and corrective actions"."""
    clause: str
    """The 9.3.2 item it answers, as an ID only, such as "9.3.2 d)"."""
    figures: tuple[tuple[str, int | str], ...] = ()
    """Counts and values for the period: ("Raised", 4), ("Closed", 3)."""
    rows: tuple[ReviewRow, ...] = field(default=())
    """The records the meeting should look at, most pressing first (at most 20)."""
    empty: str = "Nothing to report for the period."


@dataclass(frozen=True)
class Period:
    start: date
    end: date


Provider = Callable[["Organization", Period], ReviewSection]
_PROVIDERS: dict[str, tuple[int, Provider]] = {}


def register_input(key: str, provider: Provider, *, order: int) -> None:
    """`order` places the section in the agenda (9.3.2 a) first)."""
    _PROVIDERS[key] = (order, provider)


def providers() -> list[tuple[str, Provider]]:
    return [(key, p) for key, (_, p) in sorted(_PROVIDERS.items(), key=lambda item: item[1][0])]
