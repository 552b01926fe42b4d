"""The readiness rules, contributed by the registers that hold the records they read. Each app registers its
rules in its AppConfig.ready(), as it registers its review inputs:

    from aims.readiness.registry import register_rules
    register_rules(readiness.RULES)

A rule tests one clause or control (or several: 6.1.2 and 8.2 are one check) and says, in plain words, what
an auditor would find missing, which records are at fault and where to fix them. A family (the included
Annex A controls) yields one result per record it finds. Every check reads in a fixed number of queries,
whatever the number of AI systems or risks, through the `Context` it is given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aims.readiness.context import Context


class Severity(StrEnum):
    """Where an auditor would stop: a missing document ends Stage 1; a broken chain is a Stage 2
    nonconformity; missing good practice is an observation."""

    STAGE1_BLOCKER = "stage1_blocker"
    STAGE2_NONCONFORMITY = "stage2_nonconformity"
    OBSERVATION = "observation"

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self]

    @property
    def rank(self) -> int:
        return SEVERITY_RANKS[self]


SEVERITY_LABELS = {
    Severity.STAGE1_BLOCKER: "Stage 1 blocker",
    Severity.STAGE2_NONCONFORMITY: "Stage 2 nonconformity",
    Severity.OBSERVATION: "Observation",
}
SEVERITY_RANKS = {Severity.STAGE1_BLOCKER: 0, Severity.STAGE2_NONCONFORMITY: 1, Severity.OBSERVATION: 2}


@dataclass(frozen=True)
class Link:
    """A record at fault, or the page where the gap is fixed: ("RSK-0012 Biased screening", "/o/acme/…")."""

    label: str
    url: str = ""


@dataclass(frozen=True)
class Outcome:
    """What a check found. `message` says what is missing when it fails, what holds when it passes."""

    passed: bool
    message: str
    records: tuple[Link, ...] = ()
    """The records at fault, most pressing first (at most `MAX_RECORDS`)."""
    count: int = 0
    """How many records are at fault in all (may exceed the records listed)."""
    fix: Link | None = None
    """Where to fix it."""


MAX_RECORDS = 20


def passed(message: str) -> Outcome:
    return Outcome(passed=True, message=message)


def failed(
    message: str, *, records: Iterable[Link] = (), count: int | None = None, fix: Link | None = None
) -> Outcome:
    listed = tuple(records)[:MAX_RECORDS]
    return Outcome(
        passed=False, message=message, records=listed, count=len(listed) if count is None else count, fix=fix
    )


Check = Callable[["Context"], Outcome]


@dataclass(frozen=True)
class Rule:
    id: str
    """Stable, such as "4.3-scope-approved"."""
    refs: tuple[str, ...]
    """The clauses or controls it tests, as IDs only: ("6.1.2", "8.2")."""
    title: str
    """What must hold, in our words: "An approved scope is in force"."""
    severity: Severity
    check: Check = field(compare=False, repr=False)


@dataclass(frozen=True)
class FamilyResult:
    """One result of a family: a rule made for one record (an included control)."""

    rule: Rule
    outcome: Outcome


Family = Callable[["Context"], Iterable[FamilyResult]]

_RULES: dict[str, Rule] = {}
_FAMILIES: dict[str, Family] = {}


def register_rules(rules: Iterable[Rule]) -> None:
    for rule in rules:
        if rule.id in _RULES and _RULES[rule.id] is not rule:
            raise ValueError(f"Two readiness rules share the id {rule.id!r}.")
        _RULES[rule.id] = rule


def register_family(key: str, family: Family) -> None:
    _FAMILIES[key] = family


def rules() -> list[Rule]:
    return sorted(_RULES.values(), key=lambda rule: rule.id)


def families() -> dict[str, Family]:
    return dict(_FAMILIES)


def rule(
    rule_id: str, refs: tuple[str, ...] | str, title: str, severity: Severity
) -> Callable[[Check], Rule]:
    """Decorator: `@rule("5.2-policy-approved", "5.2", "An AI policy is approved and published", BLOCKER)`."""

    def wrap(check: Check) -> Rule:
        return Rule(rule_id, (refs,) if isinstance(refs, str) else refs, title, severity, check)

    return wrap
