from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.controls.models import Control
from aims.internal_audits import actions
from aims.internal_audits.models import InternalAudit
from aims.internal_audits.tests.conftest import items, plan
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_planning_numbers_audits_and_records_the_event(personas: Personas, audit: InternalAudit) -> None:
    second = plan(personas, title="Second")
    assert (audit.reference, second.reference) == ("AUD-0001", "AUD-0002")
    assert sorted(i.ref for i in audit.scope_items.all()) == ["7", "A.6.2.4"]
    event = AuditEvent.objects.get(verb="internal_audit.planned", target_id=str(audit.pk))
    assert event.after is not None
    assert event.after["scope_items"] == ["7", "A.6.2.4"]


def test_viewer_cannot_plan_an_audit(personas: Personas, system: AISystem, control: Control) -> None:
    with pytest.raises(PermissionDenied):
        plan(personas, actor=personas.viewer)
    assert not InternalAudit.objects.exists()


def test_lead_auditor_owning_a_system_in_scope_is_refused(
    personas: Personas, system: AISystem, control: Control
) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(personas, lead_auditor=personas.contributor)
    assert caught.value.message_dict["lead_auditor"] == [
        "Contributor owns AIS-003 Credit scoring and cannot audit it."
    ]
    assert not InternalAudit.objects.exists()


def test_team_member_owning_an_in_scope_control_is_refused(
    personas: Personas, system: AISystem, control: Control
) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(personas, team=[personas.manager])
    message = caught.value.message_dict["team"][0]
    assert message.startswith("Manager owns control A.6.2.4 ")
    assert message.endswith("and cannot audit it.")


def test_control_owner_is_fine_when_the_control_is_out_of_scope(
    personas: Personas, system: AISystem, control: Control
) -> None:
    audit = plan(personas, scope_items=items("9"), ai_systems=[], team=[personas.manager])
    assert list(audit.team.all()) == [personas.manager]


def test_parent_objective_in_scope_covers_its_controls_for_independence(
    personas: Personas, system: AISystem, control: Control
) -> None:
    with pytest.raises(ValidationError):
        plan(personas, scope_items=items("A.6"), ai_systems=[], lead_auditor=personas.manager)


def test_updating_the_team_checks_independence_again(personas: Personas, audit: InternalAudit) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.update_audit(actor=personas.manager, audit=audit, changes={}, team=[personas.contributor])
    assert "Contributor owns AIS-003" in caught.value.message_dict["team"][0]
    assert list(audit.team.all()) == []


def test_starting_refuses_a_lead_who_became_owner(personas: Personas, audit: InternalAudit) -> None:
    AISystem.objects.filter(reference="AIS-003").update(owner=personas.auditor)
    with pytest.raises(ValidationError) as caught:
        actions.start_audit(actor=personas.auditor, audit=audit)
    assert caught.value.message_dict["lead_auditor"] == [
        "Auditor owns AIS-003 Credit scoring and cannot audit it."
    ]
    audit.refresh_from_db()
    assert audit.status == "planned"


def test_viewers_cannot_be_auditors_and_scope_is_needed(personas: Personas, system: AISystem) -> None:
    with pytest.raises(ValidationError) as caught:
        plan(personas, lead_auditor=personas.viewer, scope_items=[])
    errors = caught.value.message_dict
    assert "viewer" in errors["lead_auditor"][0]
    assert "scope_items" in errors


def test_dates_in_order(personas: Personas, system: AISystem) -> None:
    today = timezone.localdate()
    with pytest.raises(ValidationError) as caught:
        plan(personas, planned_start=today, planned_end=today - timedelta(days=1))
    assert "planned_end" in caught.value.message_dict


def test_statuses_move_through_start_report_close(personas: Personas, started: InternalAudit) -> None:
    assert started.status == "in_progress"
    assert started.actual_start == timezone.localdate()
    with pytest.raises(ActionError, match="not yet assessed"):
        actions.report_audit(actor=personas.auditor, audit=started, conclusion="Fine.")
    for item in started.checklist.all():
        actions.set_result(actor=personas.auditor, item=item, result="conforming")
    with pytest.raises(ValidationError):
        actions.report_audit(actor=personas.auditor, audit=started, conclusion="  ")
    actions.report_audit(actor=personas.auditor, audit=started, conclusion="Conforms.")
    assert started.status == "reported"
    assert started.reported_on == timezone.localdate()
    with pytest.raises(PermissionDenied):
        actions.close_audit(actor=personas.auditor, audit=started)
    actions.close_audit(actor=personas.manager, audit=started)
    assert started.status == "closed"
    with pytest.raises(ActionError):
        actions.cancel_audit(actor=personas.manager, audit=started)


def test_someone_off_the_team_cannot_start_the_audit(personas: Personas, audit: InternalAudit) -> None:
    with pytest.raises(PermissionDenied):
        actions.start_audit(actor=personas.contributor, audit=audit)


def test_closing_needs_a_nonconformity_for_each_finding(personas: Personas, started: InternalAudit) -> None:
    for item in started.checklist.all():
        result = "minor" if item.ref == "7.5.3" else "conforming"
        actions.set_result(actor=personas.auditor, item=item, result=result)
    actions.report_audit(actor=personas.auditor, audit=started, conclusion="One lapse.")
    with pytest.raises(ActionError, match=r"7\.5\.3"):
        actions.close_audit(actor=personas.manager, audit=started)
