from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.ai_systems.models import AISystem
from aims.audit import trail
from aims.catalog.models import CatalogItem
from aims.organizations.models import Organization
from aims.readiness import engine
from aims.readiness.context import Context
from aims.readiness.registry import Outcome, Rule, Severity, failed, passed, rules
from aims.web.testing import Personas

pytestmark = pytest.mark.usefixtures("catalog")
BLOCKER, NC, OBS = Severity.STAGE1_BLOCKER, Severity.STAGE2_NONCONFORMITY, Severity.OBSERVATION


def _rule(rule_id: str, ref: str, severity: Severity, check: Callable[[Context], Outcome]) -> Rule:
    return Rule(rule_id, (ref,), f"Rule {rule_id}", severity, check)


def _clause(readiness: engine.Readiness, ref: str) -> engine.RequirementResult:
    found = readiness.clause(ref)
    assert found is not None, f"no clause {ref}"
    return found


def _broken(ctx: Context) -> Outcome:
    raise RuntimeError("a register's bug")


def test_a_clause_is_satisfied_only_when_every_rule_testing_it_or_its_subclauses_passes(
    personas: Personas, only_rules: Callable[..., None]
) -> None:
    only_rules(
        _rule("a", "9.2.1", NC, lambda ctx: passed("fine")),
        _rule("b", "9.2.2", OBS, lambda ctx: failed("missing")),
        _rule("c", "9.3", BLOCKER, lambda ctx: passed("fine")),
    )
    readiness = engine.compute(personas.org)
    assert _clause(readiness, "9.2.1").status == "satisfied"
    assert _clause(readiness, "9.2.2").status == "not_satisfied"
    nine_two = _clause(readiness, "9.2")
    assert (nine_two.status, nine_two.worst, nine_two.failing) == ("not_satisfied", OBS, 1)
    assert _clause(readiness, "9.3").status == "satisfied"
    assert _clause(readiness, "9").status == "not_satisfied"
    assert _clause(readiness, "10").status == "untested"
    assert not _clause(readiness, "10").satisfied


def test_a_rule_that_cannot_be_evaluated_counts_as_not_satisfied_and_is_listed(
    personas: Personas, only_rules: Callable[..., None]
) -> None:
    only_rules(_rule("ok", "5.2", BLOCKER, lambda ctx: passed("fine")), _rule("bad", "5.2", OBS, _broken))
    readiness = engine.compute(personas.org)
    assert _clause(readiness, "5.2").status == "not_satisfied"
    assert [r.id for r in readiness.unevaluated] == ["bad"]
    assert "could not be evaluated" in readiness.unevaluated[0].message
    assert readiness.counts()["unevaluated"] == 1


def test_subclause_prefixes_do_not_match_longer_numbers() -> None:
    assert engine.within("6.1.2", "6.1")
    assert engine.within("6.1", "6.1")
    assert not engine.within("6.10", "6.1")
    assert not engine.within("A.10.2", "A.1")


# The clauses every rule set must reach: each sub-clause 4.1 to 10.2, with 6.1.1 to 6.1.4 and the
# sub-clauses of 7.5, 9.2 and 9.3 on their own.
REQUIRED = [
    "4.1",
    "4.2",
    "4.3",
    "4.4",
    "5.1",
    "5.2",
    "5.3",
    "6.1.1",
    "6.1.2",
    "6.1.3",
    "6.1.4",
    "6.2",
    "6.3",
    "7.1",
    "7.2",
    "7.3",
    "7.4",
    "7.5.1",
    "7.5.2",
    "7.5.3",
    "8.1",
    "8.2",
    "8.3",
    "8.4",
    "9.1",
    "9.2.1",
    "9.2.2",
    "9.3.1",
    "9.3.2",
    "9.3.3",
    "10.1",
    "10.2",
]


def test_every_clause_from_4_1_to_10_2_is_tested_by_at_least_one_rule() -> None:
    tested = {ref for rule in rules() for ref in rule.refs}
    assert [ref for ref in REQUIRED if ref not in tested] == []
    clause_refs = set(CatalogItem.objects.filter(kind="clause", annex="").values_list("ref", flat=True))
    assert tested - clause_refs == set(), "a rule names a clause the catalogue does not have"


def test_rule_ids_are_unique_and_every_severity_is_known() -> None:
    ids = [rule.id for rule in rules()]
    assert len(ids) == len(set(ids))
    assert {rule.severity for rule in rules()} <= set(Severity)


def test_every_real_rule_runs_on_an_empty_organisation_without_error(personas: Personas) -> None:
    readiness = engine.compute(personas.org)
    assert readiness.unevaluated == []
    assert readiness.blockers, "an empty organisation cannot be ready"
    assert all(r.message for r in readiness.results)


def _system(org: Organization, number: int) -> AISystem:
    return AISystem.objects.create(
        organization=org, reference=f"AIS-{number:04d}", name=f"System {number}", purpose="Screening"
    )


def test_readiness_reads_in_a_number_of_queries_that_does_not_grow_with_the_systems(
    personas: Personas,
) -> None:
    _system(personas.org, 1)
    with CaptureQueriesContext(connection) as one:
        engine.compute(personas.org)
    for number in range(2, 12):
        _system(personas.org, number)
    with CaptureQueriesContext(connection) as eleven:
        engine.compute(personas.org)
    assert len(eleven) == len(one)


def test_the_cached_result_is_used_until_something_is_recorded(personas: Personas) -> None:
    first = engine.evaluate(personas.org)
    assert engine.evaluate(personas.org).computed_at == first.computed_at
    trail.record(actor=personas.manager, verb="test.changed", organization=personas.org)
    assert engine.evaluate(personas.org).computed_at > first.computed_at


def test_a_cached_result_is_not_used_once_the_rules_change(
    personas: Personas, only_rules: Callable[..., None]
) -> None:
    only_rules(_rule("a", "4.1", OBS, lambda ctx: passed("fine")))
    first = engine.evaluate(personas.org)
    only_rules(_rule("a", "4.1", OBS, lambda ctx: passed("fine")), _rule("b", "4.2", OBS, _broken))
    second = engine.evaluate(personas.org)
    assert [r.id for r in first.results] == ["a"]
    assert [r.id for r in second.results] == ["a", "b"]


def test_a_cached_result_is_not_used_on_another_day(personas: Personas) -> None:
    first = engine.evaluate(personas.org, today=date(2026, 12, 1))
    second = engine.evaluate(personas.org, today=date(2026, 12, 2))
    assert (first.judged_on, second.judged_on) == (date(2026, 12, 1), date(2026, 12, 2))


def test_another_organisations_records_do_not_change_readiness(personas: Personas) -> None:
    before = engine.compute(personas.org).as_dict()
    _system(personas.other_org, 1)
    after = engine.compute(personas.org).as_dict()
    assert before["rules"] == after["rules"]
