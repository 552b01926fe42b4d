"""Reminders of review actions and meetings, the demo seed and the bench seed."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aims.reminders.registry import providers
from aims.reviews import actions, bench, demo
from aims.reviews.models import ManagementReview, ReviewAction
from aims.reviews.registry import providers as input_providers
from aims.reviews.tests.conftest import days
from aims.web.testing import Personas


def test_reminders_tell_the_action_owner_and_the_chair(personas: Personas, held: ManagementReview) -> None:
    mine = actions.add_review_action(
        actor=personas.manager, review=held, description="Soon", owner=personas.viewer, due_on=days(3)
    )
    orphan = actions.add_review_action(
        actor=personas.manager, review=held, description="Late", due_on=days(-2)
    )
    actions.add_review_action(actor=personas.manager, review=held, description="Far", due_on=days(90))
    upcoming = actions.plan_review(
        actor=personas.manager,
        organization=personas.org,
        title="Next",
        planned_on=days(7),
        chair=personas.auditor,
    )
    due = list(providers()["review_action"](timezone.localdate()))
    assert {d.key.split(":")[1]: d.recipient_ids for d in due} == {
        str(mine.pk): (personas.viewer.pk,),
        str(orphan.pk): tuple(sorted((personas.owner.pk, personas.manager.pk))),
    }
    meetings = list(providers()["review_meeting"](timezone.localdate()))
    assert [(m.subject, m.recipient_ids, m.due_on) for m in meetings] == [
        (f"Management review {upcoming.reference} Next", (personas.auditor.pk,), days(7))
    ]


def test_reminder_providers_read_in_a_fixed_number_of_queries(
    personas: Personas, held: ManagementReview
) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            list(providers()["review_action"](timezone.localdate()))
            list(providers()["review_meeting"](timezone.localdate()))
        return len(captured)

    actions.add_review_action(actor=personas.manager, review=held, description="a", due_on=days(1))
    actions.plan_review(actor=personas.manager, organization=personas.org, title="R", planned_on=days(2))
    few = queries()
    assert few == 4
    for n in range(10):
        actions.add_review_action(actor=personas.manager, review=held, description=f"b{n}", due_on=days(1))
        actions.plan_review(
            actor=personas.manager, organization=personas.org, title=f"R{n}", planned_on=days(2)
        )
    assert queries() == few


def _users(personas: Personas) -> dict[str, Any]:
    roles = ("owner", "manager", "contributor", "auditor", "viewer")
    return {role: getattr(personas, role) for role in roles}


def test_demo_seeds_a_held_and_a_planned_review_once(personas: Personas) -> None:
    demo.seed_demo(personas.org, _users(personas))
    demo.seed_demo(personas.org, _users(personas))
    held = ManagementReview.objects.get(title=demo.HELD_TITLE)
    planned = ManagementReview.objects.get(title=demo.PLANNED_TITLE)
    assert held.status == "approved"
    assert held.snapshot_verifies
    assert held.decisions.count() == 2
    assert held.attendees.filter(is_top_management=True, attendance="present").exists()
    statuses = sorted(("overdue" if a.is_overdue else a.status) for a in held.actions.all())
    assert statuses == ["done", "open", "overdue"]
    assert held.discussions.exclude(notes="").exists()
    assert planned.status == "planned"
    assert planned.planned_on == days(30)
    assert planned.period_start == held.period_end + (days(1) - days(0))


def test_bench_seed_tops_up_actions_and_compiles_every_input(personas: Personas) -> None:
    assert bench.seed_bench(personas.org, 25, owners=[personas.viewer]) == 25
    assert bench.seed_bench(personas.org, 25) == 0
    assert ReviewAction.objects.filter(organization=personas.org).count() == 25
    assert ManagementReview.objects.filter(organization=personas.org).count() == 2
    keys = [section.key for section in bench.compile_for_bench(personas.org)]
    assert keys == [key for key, _provider in input_providers()]
