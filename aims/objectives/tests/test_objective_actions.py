from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.catalog.models import CatalogItem
from aims.lib.errors import ActionError
from aims.monitoring import actions as monitoring
from aims.monitoring.models import Metric
from aims.objectives import actions
from aims.objectives.models import Objective
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_an_objective_is_set_as_a_numbered_draft_with_annex_c_links(
    personas: Personas, catalog: None
) -> None:
    fairness = CatalogItem.objects.get(ref="C.2.5")
    made = actions.create_objective(
        actor=personas.contributor, organization=personas.org, title="Fair", annex_c=[fairness],
        manual_measure="Complaints",
    )  # fmt: skip
    assert made.reference == "OBJ-001"
    assert made.status == "draft"
    assert list(made.annex_c.all()) == [fairness]
    assert (AuditEvent.objects.get(verb="objective.created").after or {})["annex_c"] == ["C.2.5"]


def test_only_annex_c_objectives_are_linked(personas: Personas, catalog: None) -> None:
    control = CatalogItem.objects.get(ref="A.6.2.4")
    with pytest.raises(ValidationError) as wrong:
        actions.create_objective(
            actor=personas.contributor, organization=personas.org, title="X", annex_c=[control]
        )
    assert "annex_c" in wrong.value.message_dict
    assert not Objective.objects.exists()


def test_readers_cannot_set_objectives(personas: Personas) -> None:
    for reader in (personas.viewer, personas.auditor):
        with pytest.raises(PermissionDenied):
            actions.create_objective(actor=reader, organization=personas.org, title="X")
    assert not Objective.objects.exists()


def test_the_metric_must_be_of_the_organisation(personas: Personas, metric: Metric) -> None:
    theirs = monitoring.create_metric(actor=personas.outsider, organization=personas.other_org, name="Theirs")
    with pytest.raises(ValidationError) as wrong:
        actions.create_objective(actor=personas.manager, organization=personas.org, title="X", metric=theirs)
    assert "metric" in wrong.value.message_dict


def test_activation_needs_a_measure_a_target_and_a_due_date(personas: Personas) -> None:
    bare = actions.create_objective(actor=personas.contributor, organization=personas.org, title="Vague")
    with pytest.raises(ValidationError) as incomplete:
        actions.activate_objective(actor=personas.contributor, objective=bare)
    assert set(incomplete.value.message_dict) == {"metric", "due_on"}
    bare.refresh_from_db()
    assert bare.status == "draft"


def test_activate_then_outcome_by_a_manager(personas: Personas, active: Objective) -> None:
    assert active.status == "active"
    assert active.activated_on == timezone.localdate()
    with pytest.raises(ActionError):
        actions.activate_objective(actor=personas.contributor, objective=active)
    with pytest.raises(PermissionDenied):
        actions.record_outcome(actor=personas.contributor, objective=active, achieved=True, note="Done")
    with pytest.raises(ValidationError):
        actions.record_outcome(actor=personas.manager, objective=active, achieved=True, note=" ")
    actions.record_outcome(actor=personas.manager, objective=active, achieved=False, note="Gap still 3 pp")
    active.refresh_from_db()
    assert active.status == "not_achieved"
    assert active.outcome_by == personas.manager
    event = AuditEvent.objects.get(verb="objective.outcome_recorded")
    assert event.before == {"status": "active"}
    assert (event.after or {})["status"] == "not_achieved"
    with pytest.raises(ActionError):
        actions.update_objective(actor=personas.manager, objective=active, changes={"title": "Again"})


def test_withdraw_needs_a_manager_and_a_reason(personas: Personas, objective: Objective) -> None:
    with pytest.raises(PermissionDenied):
        actions.withdraw_objective(actor=personas.contributor, objective=objective, reason="No longer")
    with pytest.raises(ValidationError):
        actions.withdraw_objective(actor=personas.owner, objective=objective, reason="")
    actions.withdraw_objective(actor=personas.owner, objective=objective, reason="Policy changed")
    objective.refresh_from_db()
    assert objective.status == "withdrawn"
    with pytest.raises(ActionError):
        actions.withdraw_objective(actor=personas.owner, objective=objective, reason="Again")


def test_update_records_before_and_after(personas: Personas, active: Objective) -> None:
    actions.update_objective(
        actor=personas.contributor, objective=active, changes={"target_value": Decimal("1.5")}
    )
    event = AuditEvent.objects.get(verb="objective.updated")
    assert event.before == {"target_value": "2"}
    assert event.after == {"target_value": "1.5"}
    with pytest.raises(ValidationError):
        actions.update_objective(actor=personas.contributor, objective=active, changes={"due_on": None})
    with pytest.raises(PermissionDenied):
        actions.update_objective(actor=personas.viewer, objective=active, changes={"title": "X"})


def test_plan_items_are_added_changed_and_completed(personas: Personas, active: Objective) -> None:
    due = timezone.localdate() + timedelta(days=10)
    item = actions.add_plan_item(
        actor=personas.contributor, objective=active, what="Re-weight the sample", resources="Two analysts",
        responsible=personas.auditor, due_on=due,
    )  # fmt: skip
    actions.update_plan_item(actor=personas.contributor, item=item, changes={"what": "Re-weight by age"})
    item.refresh_from_db()
    assert item.what == "Re-weight by age"
    actions.complete_plan_item(actor=personas.contributor, item=item)
    assert item.is_done
    with pytest.raises(ActionError):
        actions.complete_plan_item(actor=personas.contributor, item=item)
    verbs = list(
        AuditEvent.objects.filter(verb__startswith="objective.plan")
        .order_by("seq")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "objective.plan_item_added",
        "objective.plan_item_updated",
        "objective.plan_item_completed",
    ]


def test_plan_items_refuse_outsiders_and_readers(personas: Personas, active: Objective) -> None:
    with pytest.raises(ValidationError) as outsider:
        actions.add_plan_item(
            actor=personas.manager, objective=active, what="X", responsible=personas.outsider
        )
    assert "responsible" in outsider.value.message_dict
    with pytest.raises(PermissionDenied):
        actions.add_plan_item(actor=personas.viewer, objective=active, what="X")
    with pytest.raises(ValidationError):
        actions.add_plan_item(actor=personas.manager, objective=active, what="")
    assert not active.plan_items.exists()
