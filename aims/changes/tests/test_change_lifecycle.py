"""Plan, edit, submit, reject (with a reason), implement and cancel: each writes its audit event, refuses the
wrong state, and writes nothing when invalid."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.changes import actions
from aims.changes.models import PlannedChange
from aims.changes.tests.conftest import plan
from aims.lib.errors import ActionError
from aims.reminders.models import Notice
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_planning_numbers_changes_and_records_the_requester(personas: Personas, system) -> None:
    first = actions.plan_change(actor=personas.contributor, organization=personas.org, **plan())
    second = actions.plan_change(
        actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan(title="Second")
    )
    assert (first.reference, second.reference) == ("CHG-0001", "CHG-0002")
    assert first.requester == personas.contributor
    assert first.status == PlannedChange.Status.DRAFT
    assert AuditEvent.objects.filter(verb="change.planned").count() == 2


def test_viewers_and_auditors_cannot_plan(personas: Personas) -> None:
    for persona in ("viewer", "auditor"):
        with pytest.raises(PermissionDenied):
            actions.plan_change(actor=getattr(personas, persona), organization=personas.org, **plan())
    assert not PlannedChange.objects.exists()


def test_invalid_plan_writes_nothing(personas: Personas) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.plan_change(actor=personas.contributor, organization=personas.org, **plan(risk_level="huge"))
    assert "risk_level" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        actions.plan_change(
            actor=personas.contributor, organization=personas.org, **plan(requester=personas.outsider)
        )
    assert "requester" in caught.value.message_dict
    assert not PlannedChange.objects.exists()
    assert not AuditEvent.objects.filter(verb="change.planned").exists()


def test_submit_needs_the_risk_assessment_resources_and_date(personas: Personas) -> None:
    change = actions.plan_change(
        actor=personas.contributor,
        organization=personas.org,
        **plan(risk_assessment="", resources="", planned_on=None),
    )
    with pytest.raises(ValidationError) as caught:
        actions.submit_change(actor=personas.contributor, change=change)
    assert set(caught.value.message_dict) == {"risk_assessment", "resources", "planned_on"}
    change.refresh_from_db()
    assert change.status == PlannedChange.Status.DRAFT


def test_submitting_tells_the_deciders_other_than_the_requester(
    personas: Personas, submitted: PlannedChange
) -> None:
    told = set(Notice.objects.filter(kind="change_decision").values_list("recipient_id", flat=True))
    assert told == {personas.owner.pk, personas.manager.pk}
    with pytest.raises(ActionError):
        actions.update_change(actor=personas.contributor, change=submitted, changes={"title": "Late edit"})


def test_rejection_needs_a_reason(personas: Personas, submitted: PlannedChange) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.reject_change(actor=personas.manager, change=submitted, reason="  ")
    assert "reason" in caught.value.message_dict
    submitted.refresh_from_db()
    assert submitted.status == PlannedChange.Status.SUBMITTED
    done = actions.reject_change(actor=personas.manager, change=submitted, reason="Not this quarter.")
    assert done.status == PlannedChange.Status.REJECTED
    assert done.decision_note == "Not this quarter."
    with pytest.raises(ActionError):
        actions.approve_change(actor=personas.owner, change=done)


def test_an_approved_change_is_implemented_once_made(personas: Personas, submitted: PlannedChange) -> None:
    with pytest.raises(ActionError):
        actions.implement_change(
            actor=personas.contributor, change=submitted, implemented_on=timezone.localdate()
        )
    actions.approve_change(actor=personas.manager, change=submitted)
    with pytest.raises(ValidationError):
        actions.implement_change(
            actor=personas.contributor,
            change=submitted,
            implemented_on=timezone.localdate() + timedelta(days=1),
        )
    done = actions.implement_change(
        actor=personas.contributor, change=submitted, implemented_on=timezone.localdate(), note="Smooth."
    )
    assert done.status == PlannedChange.Status.IMPLEMENTED
    assert AuditEvent.objects.filter(verb="change.implemented").exists()


def test_only_deciders_cancel_an_approved_change(personas: Personas, submitted: PlannedChange) -> None:
    actions.approve_change(actor=personas.manager, change=submitted)
    with pytest.raises(PermissionDenied):
        actions.cancel_change(actor=personas.contributor, change=submitted)
    done = actions.cancel_change(actor=personas.manager, change=submitted, reason="Supplier gone.")
    assert done.status == PlannedChange.Status.CANCELLED
    with pytest.raises(ActionError):
        actions.cancel_change(actor=personas.manager, change=done)
