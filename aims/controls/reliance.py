"""Which records rely on a control (a risk treatment that chose it, say), without this app importing them.

Apps that rely on controls register a function here (in their AppConfig.ready); the Statement of Applicability
asks it before a control is excluded, and lists the answers as the reasons for including it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from aims.controls.models import Control


@dataclass(frozen=True)
class Reliance:
    kind: str  # "risk_treatment", ...
    reference: str  # "RSK-004"
    title: str
    url: str  # the record's page, for links; "" when there is none


RelianceFinder = Callable[[Iterable[Control]], dict[int, list[Reliance]]]
_FINDERS: list[RelianceFinder] = []


def register_reliance(finder: RelianceFinder) -> RelianceFinder:
    """Register `finder(controls) -> {control pk: [Reliance, ...]}`; it must use a fixed number of queries."""
    if finder not in _FINDERS:
        _FINDERS.append(finder)
    return finder


def reliances_on(controls: Iterable[Control]) -> dict[int, list[Reliance]]:
    """Every record relying on each control, keyed by control pk (controls with none are absent)."""
    controls = list(controls)
    found: dict[int, list[Reliance]] = {}
    for finder in _FINDERS:
        for pk, items in finder(controls).items():
            found.setdefault(pk, []).extend(items)
    return found


def unregister_reliance(finder: RelianceFinder) -> None:
    """Remove a finder (tests register their own and remove them afterwards)."""
    if finder in _FINDERS:
        _FINDERS.remove(finder)
