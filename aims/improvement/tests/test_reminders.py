from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.improvement import actions, reminders
from aims.improvement.models import Nonconformity
from aims.improvement.tests.conftest import raise_one
from aims.reminders.registry import providers
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_both_providers_are_registered() -> None:
    registered = providers()
    assert registered[reminders.ACTION_KIND] is reminders.corrective_actions_due
    assert registered[reminders.NC_KIND] is reminders.nonconformities_due


def test_corrective_actions_due_go_to_their_owner_else_managers(
    personas: Personas, nc: Nonconformity
) -> None:
    today = timezone.localdate()
    soon = actions.add_corrective_action(
        actor=personas.contributor, nonconformity=nc, description="Soon", owner=personas.contributor,
        due_on=today + timedelta(days=3),
    )  # fmt: skip
    actions.add_corrective_action(
        actor=personas.contributor, nonconformity=nc, description="Later", owner=personas.contributor,
        due_on=today + timedelta(days=60),
    )  # fmt: skip
    late = actions.add_corrective_action(
        actor=personas.contributor, nonconformity=nc, description="Late", owner=personas.viewer,
        due_on=today + timedelta(days=1),
    )  # fmt: skip
    late.owner = None
    late.save(update_fields=["owner"])
    done = actions.add_corrective_action(
        actor=personas.contributor, nonconformity=nc, description="Done", owner=personas.contributor,
        due_on=today,
    )  # fmt: skip
    actions.complete_corrective_action(actor=personas.contributor, action=done)
    due = {d.subject.split(": ")[1]: d for d in reminders.corrective_actions_due(today)}
    assert set(due) == {"Soon", "Late"}
    assert due["Soon"].recipient_ids == (personas.contributor.pk,)
    assert set(due["Late"].recipient_ids) == {personas.owner.pk, personas.manager.pk}
    assert due["Soon"].key == f"improvement.correctiveaction:{soon.pk}:{soon.due_on.isoformat()}"
    assert due["Soon"].url == f"/o/acme/improvement/{nc.pk}/"
    assert due["Soon"].organization_id == personas.org.pk


def test_nonconformities_due_skip_closed_and_far_ones(personas: Personas, verified: Nonconformity) -> None:
    today = timezone.localdate()
    Nonconformity.objects.filter(pk=verified.pk).update(due_on=today - timedelta(days=1))
    late = raise_one(personas, owner=None, due_on=today + timedelta(days=2))
    raise_one(personas, due_on=today + timedelta(days=90))
    due = list(reminders.nonconformities_due(today))
    assert [d.subject for d in due] == [
        f"Corrective action of NC-0001 {verified.title}",
        f"Corrective action of {late}",
    ]
    assert due[0].recipient_ids == (personas.manager.pk,)
    assert set(due[1].recipient_ids) == {personas.owner.pk, personas.manager.pk}
    actions.close_nonconformity(actor=personas.owner, nonconformity=verified)
    assert [d.subject for d in reminders.nonconformities_due(today)] == [f"Corrective action of {late}"]


def test_providers_read_in_a_fixed_number_of_queries(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    today = timezone.localdate()
    for count in (2, 6):
        for _ in range(count):
            nc = raise_one(personas, owner=None, due_on=today)
            actions.add_corrective_action(
                actor=personas.contributor, nonconformity=nc, description="x", owner=personas.contributor,
                due_on=today,
            )  # fmt: skip
        with django_assert_num_queries(1):
            list(reminders.corrective_actions_due(today))
        with django_assert_num_queries(2):
            list(reminders.nonconformities_due(today))
