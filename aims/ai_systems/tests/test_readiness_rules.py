"""The clause 8.1 readiness rules read from the inventory: owners, review dates, planned reviews."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aims.ai_systems import readiness
from aims.readiness.engine import compute
from aims.readiness.testing import queries, run

from .conftest import make_system

TODAY = timezone.localdate()


def detail(pk: int) -> str:
    return reverse("ai_systems:system_detail", kwargs={"org": "acme", "pk": pk})


def test_systems_with_an_owner_pass(personas):
    make_system(personas.org, 1, owner=personas.manager)
    make_system(personas.other_org, 1)
    outcome = run(readiness.systems_owned, personas.org)
    assert outcome.passed
    assert outcome.message == "Every AI system in scope has an owner and a life-cycle stage."


def test_an_unowned_system_in_scope_is_named(personas):
    unowned = make_system(personas.org, 1)
    make_system(personas.org, 2, in_scope=False)
    make_system(personas.org, 3, status="archived")
    outcome = run(readiness.systems_owned, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 AI system in scope has no owner or no life-cycle stage."
    assert [(r.label, r.url) for r in outcome.records] == [
        ("T-0001 System 0001: no owner", detail(unowned.pk))
    ]
    assert outcome.fix is not None
    assert outcome.fix.url == reverse("ai_systems:system_list", kwargs={"org": "acme"})


def test_a_system_past_its_review_date_is_a_nonconformity(personas):
    lapsed = make_system(personas.org, 1, next_review_on=TODAY - timedelta(days=1))
    make_system(personas.org, 2, next_review_on=TODAY)
    make_system(personas.other_org, 1, next_review_on=TODAY - timedelta(days=9))
    outcome = run(readiness.systems_reviewed, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 AI system in scope is past the review date."
    assert [(r.label, r.url) for r in outcome.records] == [("T-0001 System 0001", detail(lapsed.pk))]
    assert outcome.fix is not None
    assert outcome.fix.label == "Review the AI systems"


def test_systems_reviewed_on_time_pass(personas):
    make_system(personas.org, 1, next_review_on=TODAY + timedelta(days=30))
    make_system(personas.org, 2, next_review_on=TODAY - timedelta(days=30), in_scope=False)
    outcome = run(readiness.systems_reviewed, personas.org)
    assert outcome.passed
    assert outcome.message == "No AI system in scope is past its review date."


def test_systems_without_a_review_date_are_an_observation(personas):
    make_system(personas.org, 1)
    make_system(personas.org, 2)
    make_system(personas.org, 3, next_review_on=TODAY)
    outcome = run(readiness.reviews_planned, personas.org)
    assert not outcome.passed
    assert outcome.message == "2 AI systems in scope have no next review date."
    assert [r.label for r in outcome.records] == ["T-0001 System 0001", "T-0002 System 0002"]
    assert outcome.count == 2
    assert outcome.fix is not None
    assert outcome.fix.url == reverse("ai_systems:system_list", kwargs={"org": "acme"})
    assert readiness.reviews_planned.severity == "observation"


def test_every_review_planned_passes(personas):
    make_system(personas.org, 1, next_review_on=TODAY)
    make_system(personas.other_org, 1)
    assert run(readiness.reviews_planned, personas.org).passed


def test_queries_do_not_grow_with_the_systems(personas):
    make_system(personas.org, 1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        make_system(personas.org, number, next_review_on=TODAY - timedelta(days=number))
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts


def test_the_engine_runs_the_rules_under_clause_8_1(personas):
    make_system(personas.org, 1, owner=personas.manager, next_review_on=TODAY + timedelta(days=10))
    results = {r.id: r for r in compute(personas.org).results}
    assert {"8.1-systems-owned", "8.1-systems-reviewed", "8.1-reviews-planned"} <= set(results)
    assert all(
        results[key].ok for key in ("8.1-systems-owned", "8.1-systems-reviewed", "8.1-reviews-planned")
    )
    assert results["8.1-systems-owned"].refs == ("8.1",)
