"""Computing readiness: every registered rule run over one organisation's records, and the clauses and Annex A
controls they test judged from the results.

A clause is satisfied only when every rule that tests it, or one of its sub-clauses, passes; a rule that could
not be evaluated (its check raised) counts as not satisfied and is listed as such. Clauses 4 to 10 are judged
at each level of the catalogue (4, 4.1, … 6.1.2, …); Annex A controls from the organisation's SoA.

The result is cached under the head of the organisation's audit chain and the day: every change aims makes
writes an audit event, so a cached result is used only while nothing has changed since it was computed.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

from django.core.cache import cache
from django.utils import timezone

from aims.catalog.models import CatalogItem
from aims.readiness.context import Context
from aims.readiness.models import ReadinessSettings
from aims.readiness.registry import Link, Outcome, Rule, Severity, families, rules

if TYPE_CHECKING:
    from aims.organizations.models import Organization

logger = logging.getLogger(__name__)
FRAMEWORK = "iso42001"


class Status:
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"
    """The check could not be evaluated: counted as not satisfied."""


@dataclass(frozen=True)
class RuleResult:
    id: str
    refs: tuple[str, ...]
    title: str
    severity: Severity
    status: str
    message: str
    records: tuple[Link, ...] = ()
    count: int = 0
    fix: Link | None = None

    @property
    def ok(self) -> bool:
        return self.status == Status.PASS

    @property
    def severity_label(self) -> str:
        return self.severity.label


@dataclass(frozen=True)
class RequirementResult:
    """A clause or an Annex A control, and whether its rules all pass."""

    ref: str
    title: str
    depth: int
    rule_ids: tuple[str, ...]
    satisfied: bool
    worst: Severity | None
    """The gravest severity among the failing rules (None when satisfied or untested)."""
    failing: int

    @property
    def status(self) -> str:
        if not self.rule_ids:
            return "untested"
        return "satisfied" if self.satisfied else "not_satisfied"


@dataclass(frozen=True)
class Readiness:
    organization_slug: str
    judged_on: date
    computed_at: datetime
    results: tuple[RuleResult, ...]
    clauses: tuple[RequirementResult, ...]
    controls: tuple[RequirementResult, ...]
    groups: tuple[tuple[str, str, int, int], ...] = field(default=())
    """Annex A groups: (ref, title, controls satisfied, controls included)."""

    def of_severity(self, severity: Severity) -> list[RuleResult]:
        return [r for r in self.results if not r.ok and r.severity == severity]

    @property
    def failing(self) -> list[RuleResult]:
        return sorted((r for r in self.results if not r.ok), key=lambda r: (r.severity.rank, r.id))

    @property
    def blockers(self) -> list[RuleResult]:
        return self.of_severity(Severity.STAGE1_BLOCKER)

    @property
    def nonconformities(self) -> list[RuleResult]:
        return self.of_severity(Severity.STAGE2_NONCONFORMITY)

    @property
    def observations(self) -> list[RuleResult]:
        return self.of_severity(Severity.OBSERVATION)

    @property
    def unevaluated(self) -> list[RuleResult]:
        return [r for r in self.results if r.status == Status.ERROR]

    @property
    def main_clauses(self) -> list[RequirementResult]:
        return [c for c in self.clauses if c.depth == 0]

    def clause(self, ref: str) -> RequirementResult | None:
        return next((c for c in self.clauses if c.ref == ref), None)

    def results_for(self, ref: str) -> list[RuleResult]:
        """The rules that test `ref` or one of its sub-clauses."""
        return [r for r in self.results if any(within(tested, ref) for tested in r.refs)]

    def counts(self) -> dict[str, int]:
        return {
            "clauses_satisfied": sum(c.satisfied for c in self.clauses),
            "clauses_total": len(self.clauses),
            "controls_satisfied": sum(c.satisfied for c in self.controls),
            "controls_total": len(self.controls),
            "blockers": len(self.blockers),
            "nonconformities": len(self.nonconformities),
            "observations": len(self.observations),
            "unevaluated": len(self.unevaluated),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "organization": self.organization_slug,
            "judged_on": self.judged_on.isoformat(),
            "computed_at": self.computed_at.isoformat(),
            "summary": self.counts(),
            "clauses": [requirement_dict(c) for c in self.clauses],
            "controls": [requirement_dict(c) for c in self.controls],
            "rules": [result_dict(r) for r in self.results],
        }


def requirement_dict(item: RequirementResult) -> dict[str, Any]:
    return {
        "ref": item.ref,
        "title": item.title,
        "status": item.status,
        "worst_severity": item.worst.value if item.worst else None,
        "failing_rules": item.failing,
        "rules": list(item.rule_ids),
    }


def result_dict(result: RuleResult) -> dict[str, Any]:
    data = asdict(result)
    data["refs"] = list(result.refs)
    data["severity"] = result.severity.value
    data["records"] = [asdict(link) for link in result.records]
    return data


def within(tested: str, ref: str) -> bool:
    """Whether `tested` is `ref` or lies under it: 6.1.2 lies under 6.1 and 6, not under 6.10."""
    return tested == ref or tested.startswith(ref + ".")


def settings_for(organization: Organization) -> ReadinessSettings:
    """The organisation's thresholds, or the defaults (unsaved) when it has never set them."""
    found = ReadinessSettings.objects.filter(organization=organization).first()
    return found or ReadinessSettings(organization=organization)


def _run(rule: Rule, context: Context) -> RuleResult:
    try:
        outcome = rule.check(context)
    except Exception:
        logger.exception(
            "Readiness rule %s could not be evaluated for %s", rule.id, context.organization.slug
        )
        outcome = Outcome(
            False, "This check could not be evaluated; it counts as not satisfied until it can."
        )
        return _result(rule, outcome, Status.ERROR)
    return _result(rule, outcome, Status.PASS if outcome.passed else Status.FAIL)


def _result(rule: Rule, outcome: Outcome, status: str) -> RuleResult:
    return RuleResult(
        id=rule.id,
        refs=rule.refs,
        title=rule.title,
        severity=rule.severity,
        status=status,
        message=outcome.message,
        records=outcome.records,
        count=outcome.count,
        fix=outcome.fix,
    )


def _family_results(context: Context) -> list[RuleResult]:
    found: list[RuleResult] = []
    for key, family in sorted(families().items()):
        try:
            found.extend(
                _result(item.rule, item.outcome, Status.PASS if item.outcome.passed else Status.FAIL)
                for item in family(context)
            )
        except Exception:
            logger.exception("Readiness family %s could not be evaluated", key)
            found.append(
                RuleResult(
                    id=f"{key}-family",
                    refs=("A",),
                    title=f"The {key} checks",
                    severity=Severity.STAGE2_NONCONFORMITY,
                    status=Status.ERROR,
                    message="These checks could not be evaluated; they count as not satisfied until then.",
                )
            )
    return found


def _judge(items: Iterable[tuple[str, str, int]], results: list[RuleResult]) -> list[RequirementResult]:
    judged = []
    for ref, title, depth in items:
        mine = [r for r in results if any(within(tested, ref) for tested in r.refs)]
        failing = [r for r in mine if not r.ok]
        worst = min((r.severity for r in failing), key=lambda s: s.rank, default=None)
        judged.append(
            RequirementResult(
                ref=ref,
                title=title,
                depth=depth,
                rule_ids=tuple(r.id for r in mine),
                satisfied=bool(mine) and not failing,
                worst=worst,
                failing=len(failing),
            )
        )
    return judged


def _clause_items() -> list[tuple[str, str, int]]:
    rows = CatalogItem.objects.filter(framework__code=FRAMEWORK, kind=CatalogItem.Kind.CLAUSE, annex="")
    return [
        (ref, title, ref.count(".")) for ref, title in rows.order_by("position").values_list("ref", "title")
    ]


def _annex_groups() -> dict[str, str]:
    rows = CatalogItem.objects.filter(framework__code=FRAMEWORK, annex="A", parent__isnull=True)
    return dict(rows.values_list("ref", "title"))


def compute(organization: Organization, *, today: date | None = None) -> Readiness:
    """Run every rule now (no cache)."""
    context = Context(organization, today or timezone.localdate(), settings_for(organization))
    results = [_run(rule, context) for rule in rules()]
    control_results = _family_results(context)
    clauses = _judge(_clause_items(), results)
    by_control: dict[str, list[RuleResult]] = defaultdict(list)
    for result in control_results:
        by_control[result.refs[0]].append(result)
    titles = {r.refs[0]: r.title for r in control_results}
    controls = _judge(((ref, titles[ref], 1) for ref in sorted(by_control, key=_ref_key)), control_results)
    groups = []
    for ref, title in sorted(_annex_groups().items(), key=lambda item: _ref_key(item[0])):
        members = [c for c in controls if within(c.ref, ref)]
        if members:
            groups.append((ref, title, sum(c.satisfied for c in members), len(members)))
    return Readiness(
        organization_slug=organization.slug,
        judged_on=context.today,
        computed_at=timezone.now(),
        results=tuple(results + control_results),
        clauses=tuple(clauses),
        controls=tuple(controls),
        groups=tuple(groups),
    )


def _ref_key(ref: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in ref.split("."))


CACHE_SECONDS = 24 * 3600


def rule_set_version() -> str:
    """Names the rules in force and the aims release, so that a result cached before an upgrade that adds,
    removes or changes rules is never served after it."""
    try:
        release = version("aims")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout that is not installed
        release = "dev"
    names = ",".join([rule.id for rule in rules()] + sorted(families()))
    return hashlib.sha256(f"{release}:{names}".encode()).hexdigest()[:16]


def _cache_key(organization: Organization, today: date) -> str:
    from aims.audit.models import AuditChain

    head = AuditChain.objects.filter(key=AuditChain.key_for(organization.pk)).values_list(
        "last_seq", flat=True
    )
    return f"readiness:{rule_set_version()}:{organization.pk}:{today.isoformat()}:{head.first() or 0}"


def evaluate(organization: Organization, *, today: date | None = None) -> Readiness:
    """Readiness as it stands: from the cache while nothing has been recorded since, else computed afresh."""
    today = today or timezone.localdate()
    key = _cache_key(organization, today)
    found = cache.get(key)
    if isinstance(found, Readiness):
        return found
    readiness = compute(organization, today=today)
    cache.set(key, readiness, CACHE_SECONDS)
    return readiness
