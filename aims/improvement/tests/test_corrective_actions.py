from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.improvement import actions
from aims.improvement.models import CorrectiveAction, Nonconformity
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _add(personas: Personas, nc: Nonconformity, **overrides: object) -> CorrectiveAction:
    values: dict[str, object] = {
        "actor": personas.contributor,
        "nonconformity": nc,
        "description": "Add a reminder.",
        "owner": personas.contributor,
        "due_on": timezone.localdate() + timedelta(days=7),
    }
    values.update(overrides)
    return actions.add_corrective_action(**values)  # type: ignore[arg-type]


def test_the_first_action_moves_the_nonconformity_to_action(personas: Personas, nc: Nonconformity) -> None:
    action = _add(personas, nc)
    nc.refresh_from_db()
    assert nc.status == "action"
    assert action.status == "open"
    event = AuditEvent.objects.get(verb="nonconformity.action_added")
    assert (event.before, (event.after or {})["status"], (event.after or {})["action"]) == (
        {"status": "open"},
        "action",
        action.pk,
    )


def test_adding_refuses_viewers_missing_owner_and_outsiders(personas: Personas, nc: Nonconformity) -> None:
    with pytest.raises(PermissionDenied):
        _add(personas, nc, actor=personas.viewer)
    with pytest.raises(ValidationError) as caught:
        _add(personas, nc, owner=None, description=" ")
    assert set(caught.value.message_dict) == {"owner", "description"}
    with pytest.raises(ValidationError):
        _add(personas, nc, owner=personas.outsider)
    nc.refresh_from_db()
    assert nc.status == "open"
    assert not CorrectiveAction.objects.exists()


def test_update_complete_and_cancel(personas: Personas, nc: Nonconformity) -> None:
    first, second = _add(personas, nc), _add(personas, nc, description="Brief the team.")
    actions.update_corrective_action(
        actor=personas.contributor, action=first, changes={"owner": personas.manager, "notes": "Ticket 12"}
    )
    first.refresh_from_db()
    assert (first.owner, first.notes) == (personas.manager, "Ticket 12")
    actions.complete_corrective_action(actor=personas.contributor, action=first, notes="Reminder live.")
    first.refresh_from_db()
    assert (first.status, first.done_on, first.notes) == ("done", timezone.localdate(), "Reminder live.")
    actions.cancel_corrective_action(actor=personas.manager, action=second, reason="Covered by the first.")
    second.refresh_from_db()
    assert second.status == "cancelled"
    assert "Covered by the first." in second.notes
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {
        "nonconformity.action_updated",
        "nonconformity.action_done",
        "nonconformity.action_cancelled",
    } <= verbs


def test_a_finished_action_cannot_change_again(personas: Personas, nc: Nonconformity) -> None:
    action = _add(personas, nc)
    actions.complete_corrective_action(actor=personas.contributor, action=action)
    with pytest.raises(ActionError):
        actions.complete_corrective_action(actor=personas.contributor, action=action)
    with pytest.raises(ActionError):
        actions.cancel_corrective_action(actor=personas.contributor, action=action, reason="x")
    with pytest.raises(ActionError):
        actions.update_corrective_action(actor=personas.contributor, action=action, changes={"notes": "x"})


def test_completion_and_cancellation_validate_before_writing(personas: Personas, nc: Nonconformity) -> None:
    action = _add(personas, nc)
    with pytest.raises(ValidationError):
        actions.complete_corrective_action(
            actor=personas.contributor, action=action, done_on=timezone.localdate() + timedelta(days=1)
        )
    with pytest.raises(ValidationError):
        actions.complete_corrective_action(
            actor=personas.contributor, action=action, done_on=nc.raised_on - timedelta(days=1)
        )
    with pytest.raises(ValidationError):
        actions.cancel_corrective_action(actor=personas.contributor, action=action, reason=" ")
    with pytest.raises(PermissionDenied):
        actions.complete_corrective_action(actor=personas.auditor, action=action)
    action.refresh_from_db()
    assert action.status == "open"


def test_actions_cannot_change_while_awaiting_verification(
    personas: Personas, awaiting: Nonconformity
) -> None:
    with pytest.raises(ActionError, match="awaiting verification"):
        _add(personas, awaiting)
