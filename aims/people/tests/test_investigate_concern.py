import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.people import actions
from aims.people.models import Concern


def test_manager_assigns_an_investigator_who_records_the_outcome(personas, concern):
    actions.assign_investigator(actor=personas.manager, concern=concern, investigator=personas.auditor)
    assert concern.status == Concern.Status.INVESTIGATING
    actions.close_concern(actor=personas.auditor, concern=concern, outcome="Retrained; bias test added.")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.CLOSED
    assert concern.outcome == "Retrained; bias test added."
    verbs = set(AuditEvent.objects.values_list("verb", flat=True))
    assert {"concern.investigator_assigned", "concern.closed"} <= verbs


def test_others_cannot_assign_or_close(personas, concern):
    for persona in ("contributor", "auditor", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.assign_investigator(
                actor=getattr(personas, persona), concern=concern, investigator=personas.auditor
            )
        with pytest.raises(PermissionDenied):
            actions.close_concern(actor=getattr(personas, persona), concern=concern, outcome="Done")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.RECEIVED


def test_the_investigator_must_be_a_member_and_not_the_reporter(personas, concern):
    with pytest.raises(ValidationError):
        actions.assign_investigator(actor=personas.manager, concern=concern, investigator=personas.outsider)
    with pytest.raises(ValidationError):
        actions.assign_investigator(
            actor=personas.manager, concern=concern, investigator=personas.contributor
        )
    concern.refresh_from_db()
    assert concern.assigned_investigator is None


def test_closing_needs_an_outcome_and_a_closed_concern_stays_closed(personas, concern):
    with pytest.raises(ValidationError):
        actions.close_concern(actor=personas.manager, concern=concern, outcome="  ")
    actions.close_concern(actor=personas.manager, concern=concern, outcome="No issue found.")
    with pytest.raises(ActionError):
        actions.close_concern(actor=personas.manager, concern=concern, outcome="Again")
    with pytest.raises(ActionError):
        actions.assign_investigator(actor=personas.manager, concern=concern, investigator=personas.auditor)
