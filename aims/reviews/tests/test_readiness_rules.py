"""The clause 9.3 readiness rules: a review held within the interval, every input considered with notes,
decisions recorded, minutes approved, and review actions done on time."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.registry import Outcome, Severity
from aims.readiness.testing import queries, run
from aims.reviews import actions, readiness
from aims.reviews.models import ManagementReview, ReviewAction

TODAY = timezone.localdate()


def url(name: str, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": "acme", **kwargs})


def links(outcome: Outcome) -> list[tuple[str, str]]:
    return [(link.label, link.url) for link in outcome.records]


def hold(personas, organization: Organization | None = None, title: str = "Review") -> ManagementReview:
    """Plan, list top management as present, and hold a review today."""
    actor = personas.manager if organization is None else personas.outsider
    review = actions.plan_review(
        actor=actor, organization=organization or personas.org, title=title, planned_on=TODAY, chair=actor
    )
    actions.add_attendee(actor=actor, review=review, user=actor, is_top_management=True)
    return actions.hold_review(actor=actor, review=review)


def discuss_all(personas, review: ManagementReview) -> None:
    for section in review.inputs_snapshot or []:
        actions.save_discussion(
            actor=personas.manager, review=review, section_key=section["key"], notes="Considered; noted."
        )


def held_months_ago(review: ManagementReview, days: int) -> None:
    ManagementReview.objects.filter(pk=review.pk).update(held_on=TODAY - timedelta(days=days))


# 9.3.1: held within the interval


def test_no_review_held_is_a_stage_1_blocker(personas):
    hold(personas, personas.other_org)
    outcome = run(readiness.review_held, personas.org)
    assert not outcome.passed
    assert outcome.message == "No management review has been held within the last 12 months."
    assert outcome.records == ()
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Plan a management review", url("reviews:review_create"))
    assert readiness.review_held.severity == Severity.STAGE1_BLOCKER


def test_a_planned_review_is_named_as_the_way_to_fix_it(personas, review):
    outcome = run(readiness.review_held, personas.org)
    detail = url("reviews:review_detail", pk=review.pk)
    assert links(outcome) == [(f"MR-0001 Management review Q2: planned for {TODAY:%Y-%m-%d}", detail)]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Hold MR-0001", detail)


def test_a_review_held_within_the_interval_passes(personas, held):
    outcome = run(readiness.review_held, personas.org)
    assert outcome.passed
    assert outcome.message == f"MR-0001 was held on {TODAY:%Y-%m-%d}, within the last 12 months."


def test_a_review_held_before_the_interval_is_out_of_date(personas, held):
    held_months_ago(held, 400)
    outcome = run(readiness.review_held, personas.org)
    assert not outcome.passed
    day = TODAY - timedelta(days=400)
    assert outcome.message == (
        f"No management review has been held within the last 12 months; the last, MR-0001, was held on "
        f"{day:%Y-%m-%d}."
    )
    assert outcome.fix is not None
    assert outcome.fix.url == url("reviews:review_create")


# 9.3.2: inputs considered


def test_inputs_need_a_held_review(personas, review):
    outcome = run(readiness.inputs_considered, personas.org)
    assert not outcome.passed
    assert outcome.message == "No management review has been held, so no input has been considered."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Plan a management review", url("reviews:review_create"))
    assert readiness.inputs_considered.severity == Severity.STAGE2_NONCONFORMITY


def test_input_sections_without_notes_are_named(personas, held):
    sections = held.inputs_snapshot or []
    first = sections[0]
    actions.save_discussion(actor=personas.manager, review=held, section_key=first["key"], notes="Seen.")
    outcome = run(readiness.inputs_considered, personas.org)
    assert not outcome.passed
    assert outcome.message == f"{len(sections) - 1} input sections have no notes."
    detail = url("reviews:review_detail", pk=held.pk)
    assert links(outcome) == [
        (f"MR-0001 Management review Q2: no notes on {section['title']}", detail) for section in sections[1:]
    ]
    assert outcome.count == len(sections) - 1
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Record the meeting's notes in MR-0001", detail)


def test_a_missing_input_item_is_named(personas, held):
    discuss_all(personas, held)
    kept = [s for s in held.inputs_snapshot or [] if "e)" not in s["clause"]]
    ManagementReview.objects.filter(pk=held.pk).update(inputs_snapshot=kept)
    outcome = run(readiness.inputs_considered, personas.org)
    assert not outcome.passed
    assert outcome.message == "MR-0001 had no input on opportunities for continual improvement."
    assert links(outcome) == [("MR-0001 Management review Q2", url("reviews:review_detail", pk=held.pk))]


def test_inputs_not_frozen_are_named(personas, held):
    ManagementReview.objects.filter(pk=held.pk).update(inputs_snapshot=None)
    outcome = run(readiness.inputs_considered, personas.org)
    assert outcome.message == "The inputs of MR-0001 were not frozen when it was held."
    assert outcome.fix is not None
    assert outcome.fix.url == url("reviews:review_create")


def test_every_input_considered_with_notes_passes(personas, held):
    discuss_all(personas, held)
    outcome = run(readiness.inputs_considered, personas.org)
    assert outcome.passed
    assert outcome.message == "MR-0001 considered every input and recorded notes on each."


# 9.3.3: decisions, minutes, actions


def test_a_review_without_decisions_is_named(personas, held):
    outcome = run(readiness.decisions_recorded, personas.org)
    assert not outcome.passed
    assert outcome.message == "MR-0001 recorded no decision on improvement or on changes to the AIMS."
    detail = url("reviews:review_detail", pk=held.pk)
    assert links(outcome) == [("MR-0001 Management review Q2", detail)]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Record the decisions of MR-0001", detail)


def test_recorded_decisions_pass(personas, held):
    actions.record_decision(
        actor=personas.manager, review=held, kind="resources", text="Hire a data steward."
    )
    outcome = run(readiness.decisions_recorded, personas.org)
    assert outcome.passed
    assert outcome.message == "MR-0001 recorded 1 decision."


def test_decisions_need_a_held_review(personas):
    outcome = run(readiness.decisions_recorded, personas.org)
    assert outcome.message == "No management review has been held, so no decision is recorded."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Plan a management review", url("reviews:review_create"))


def test_unapproved_minutes_of_the_latest_review_are_a_stage_1_blocker(personas, held):
    actions.approve_minutes(actor=personas.manager, review=held)
    held_months_ago(held, 30)
    latest = hold(personas, title="Second review")
    outcome = run(readiness.minutes_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "The minutes of MR-0002 are not approved."
    detail = url("reviews:review_detail", pk=latest.pk)
    assert links(outcome) == [("MR-0002 Second review", detail)]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == ("Approve the minutes of MR-0002", detail)
    assert readiness.minutes_approved.severity == Severity.STAGE1_BLOCKER


def test_approved_minutes_pass(personas, held):
    actions.approve_minutes(actor=personas.manager, review=held)
    outcome = run(readiness.minutes_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "The minutes of MR-0001 are approved."


def test_minutes_need_a_held_review(personas):
    hold(personas, personas.other_org)
    outcome = run(readiness.minutes_approved, personas.org)
    assert outcome.message == "No management review has been held, so there are no minutes to approve."


def _action(
    personas, review: ManagementReview, due_days: int, text: str = "Update the AI policy"
) -> ReviewAction:
    actor = personas.outsider if review.organization_id == personas.other_org.pk else personas.manager
    return actions.add_review_action(
        actor=actor, review=review, description=text, owner=actor, due_on=TODAY + timedelta(days=due_days)
    )


def test_an_overdue_review_action_is_named(personas, held):
    late = _action(personas, held, -3)
    _action(personas, held, 3, "Later")
    _action(personas, hold(personas, personas.other_org), -9)
    outcome = run(readiness.actions_on_time, personas.org)
    assert not outcome.passed
    assert outcome.message == "1 action of a management review is overdue."
    day = TODAY - timedelta(days=3)
    assert links(outcome) == [
        (
            f"{late.reference} Update the AI policy: due {day:%Y-%m-%d}",
            url("reviews:review_detail", pk=held.pk),
        )
    ]
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Bring the review actions up to date",
        url("reviews:action_list"),
    )


def test_review_actions_on_time_pass(personas, held):
    done = _action(personas, held, -3)
    actions.complete_review_action(actor=personas.manager, action=done)
    _action(personas, held, 3)
    outcome = run(readiness.actions_on_time, personas.org)
    assert outcome.passed
    assert outcome.message == "No action of a management review is overdue."


# Fixed queries, and the engine


def test_queries_do_not_grow_with_the_reviews(personas):
    _action(personas, hold(personas, title="Review 1"), -1)
    counts = {rule.id: queries(rule, personas.org) for rule in readiness.RULES}
    for number in range(2, 6):
        _action(personas, hold(personas, title=f"Review {number}"), -number)
    assert {rule.id: queries(rule, personas.org) for rule in readiness.RULES} == counts
    assert run(readiness.actions_on_time, personas.org).count == 5


def test_the_engine_runs_the_rules_under_clause_9_3(personas, held):
    results = {r.id: r for r in compute(personas.org).results}
    assert {rule.id for rule in readiness.RULES} <= set(results)
    assert results["9.3-review-held"].refs == ("9.3.1",)
    assert results["9.3-review-held"].ok
    assert results["9.3-inputs-considered"].refs == ("9.3.2",)
    assert {results[key].refs for key in ("9.3-decisions-recorded", "9.3-minutes-approved")} == {("9.3.3",)}
