from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.objectives import actions
from aims.objectives.models import Objective
from aims.objectives.reminders import due_objectives, due_plan_items
from aims.reminders.registry import providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_providers_are_registered() -> None:
    assert {"objective_due", "objective_plan_item"} <= set(providers())


def test_active_objectives_falling_due_remind_their_owner(
    personas: Personas, active: Objective, foreign: Objective, django_assert_max_num_queries: Any
) -> None:
    today = timezone.localdate()
    assert list(due_objectives(today)) == []  # due in 100 days
    Objective.objects.filter(pk=active.pk).update(due_on=today + timedelta(days=3))
    unowned = actions.create_objective(
        actor=personas.manager, organization=personas.org, title="Unowned", manual_measure="x",
        due_on=today - timedelta(days=2),
    )  # fmt: skip
    actions.activate_objective(actor=personas.manager, objective=unowned)
    with django_assert_max_num_queries(2):
        due = {d.subject: d for d in due_objectives(today)}
    assert set(due) == {"Objective OBJ-001 Fair credit decisions", "Objective OBJ-002 Unowned"}
    assert due["Objective OBJ-001 Fair credit decisions"].recipient_ids == (personas.contributor.pk,)
    assert set(due["Objective OBJ-002 Unowned"].recipient_ids) == {personas.owner.pk, personas.manager.pk}
    assert due["Objective OBJ-002 Unowned"].url == f"/o/acme/objectives/{unowned.pk}/"


def test_open_plan_steps_falling_due_remind_the_responsible(
    personas: Personas, active: Objective, django_assert_max_num_queries: Any
) -> None:
    today = timezone.localdate()
    soon = actions.add_plan_item(
        actor=personas.manager, objective=active, what="Soon", responsible=personas.auditor,
        due_on=today + timedelta(days=5),
    )  # fmt: skip
    done = actions.add_plan_item(actor=personas.manager, objective=active, what="Done", due_on=today)
    actions.complete_plan_item(actor=personas.manager, item=done)
    actions.add_plan_item(
        actor=personas.manager, objective=active, what="Later", due_on=today + timedelta(days=90)
    )
    with django_assert_max_num_queries(2):
        due = list(due_plan_items(today))
    assert [d.key for d in due] == [f"objectives.plan_item:{soon.pk}:due:{soon.due_on.isoformat()}"]  # type: ignore[union-attr]
    assert due[0].recipient_ids == (personas.auditor.pk,)
