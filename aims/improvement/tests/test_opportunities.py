from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.improvement import actions
from aims.improvement.models import ImprovementOpportunity
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_recording_numbers_and_audits(personas: Personas, opportunity: ImprovementOpportunity) -> None:
    second = actions.record_opportunity(
        actor=personas.manager, organization=personas.org, title="B", description="b", source="audit",
        owner=personas.contributor,
    )  # fmt: skip
    assert (opportunity.reference, second.reference) == ("IMP-0001", "IMP-0002")
    assert opportunity.status == "proposed"
    assert AuditEvent.objects.filter(verb="improvement.recorded").count() == 2


def test_recording_refuses_viewers_and_bad_input(personas: Personas) -> None:
    with pytest.raises(PermissionDenied):
        actions.record_opportunity(
            actor=personas.viewer, organization=personas.org, title="A", description="a", source="audit"
        )
    with pytest.raises(ValidationError):
        actions.record_opportunity(
            actor=personas.manager, organization=personas.org, title="A", description="a", source="dream"
        )
    with pytest.raises(ValidationError):
        actions.record_opportunity(
            actor=personas.manager, organization=personas.org, title="A", description="a", source="audit",
            owner=personas.outsider,
        )  # fmt: skip
    assert not ImprovementOpportunity.objects.exists()


def test_decide_start_complete(personas: Personas, opportunity: ImprovementOpportunity) -> None:
    with pytest.raises(PermissionDenied):
        actions.decide_opportunity(
            actor=personas.contributor, opportunity=opportunity, decision="accepted", reason="x"
        )
    with pytest.raises(ValidationError) as caught:
        actions.decide_opportunity(
            actor=personas.manager, opportunity=opportunity, decision="maybe", reason=""
        )
    assert set(caught.value.message_dict) == {"decision", "reason"}
    with pytest.raises(ActionError):
        actions.complete_opportunity(actor=personas.contributor, opportunity=opportunity, outcome="x")
    actions.decide_opportunity(
        actor=personas.manager, opportunity=opportunity, decision="accepted", reason="Cheap."
    )
    assert (opportunity.status, opportunity.decided_by) == ("accepted", personas.manager)
    with pytest.raises(ActionError, match="decided already"):
        actions.decide_opportunity(
            actor=personas.manager, opportunity=opportunity, decision="declined", reason="x"
        )
    actions.start_opportunity(actor=personas.contributor, opportunity=opportunity)
    with pytest.raises(ValidationError):
        actions.complete_opportunity(
            actor=personas.contributor, opportunity=opportunity, outcome=" ",
            completed_on=timezone.localdate() + timedelta(days=1),
        )  # fmt: skip
    actions.complete_opportunity(
        actor=personas.contributor, opportunity=opportunity, outcome="Saved 2 days a month."
    )
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.outcome) == ("done", "Saved 2 days a month.")
    with pytest.raises(ActionError):
        actions.update_opportunity(actor=personas.manager, opportunity=opportunity, changes={"title": "x"})


def test_declined_cannot_start_and_update_works_before(
    personas: Personas, opportunity: ImprovementOpportunity
) -> None:
    actions.update_opportunity(
        actor=personas.contributor, opportunity=opportunity, changes={"expected_benefit": "Time"}
    )
    opportunity.refresh_from_db()
    assert opportunity.expected_benefit == "Time"
    with pytest.raises(PermissionDenied):
        actions.update_opportunity(actor=personas.auditor, opportunity=opportunity, changes={"title": "x"})
    actions.decide_opportunity(
        actor=personas.owner, opportunity=opportunity, decision="declined", reason="Costly."
    )
    with pytest.raises(ActionError):
        actions.start_opportunity(actor=personas.contributor, opportunity=opportunity)
    assert AuditEvent.objects.get(verb="improvement.decided").after == {
        "status": "declined",
        "reason": "Costly.",
    }
