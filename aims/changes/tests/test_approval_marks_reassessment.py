"""Approving a planned change marks the affected AI systems' open risks and current impact assessments due
for reassessment; reassessing the risk and approving a newer assessment clears the mark."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from aims.audit.models import AuditEvent
from aims.changes import actions, queries
from aims.changes.models import PlannedChange
from aims.changes.tests.conftest import plan
from aims.impact_assessments import actions as ia_actions
from aims.impact_assessments.models import ImpactAssessment
from aims.lib.errors import ActionError
from aims.reminders.models import Notice
from aims.risks.actions import assess_risk
from aims.risks.models import Risk
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_the_requester_cannot_approve_their_own_change(personas: Personas, system) -> None:
    change = actions.plan_change(
        actor=personas.manager, organization=personas.org, ai_systems=[system], **plan()
    )
    change = actions.submit_change(actor=personas.manager, change=change)
    with pytest.raises(ActionError, match="another owner or manager must approve"):
        actions.approve_change(actor=personas.manager, change=change)
    change.refresh_from_db()
    assert change.status == PlannedChange.Status.SUBMITTED
    assert actions.approve_change(actor=personas.owner, change=change).status == "approved"


def test_contributors_and_viewers_cannot_decide(personas: Personas, submitted: PlannedChange) -> None:
    for persona in ("contributor", "auditor", "viewer"):
        with pytest.raises(PermissionDenied):
            actions.approve_change(actor=getattr(personas, persona), change=submitted)
        with pytest.raises(PermissionDenied):
            actions.reject_change(actor=getattr(personas, persona), change=submitted, reason="No")


def test_approval_marks_open_risks_and_the_current_assessment_due(
    personas: Personas, submitted: PlannedChange, risks: dict[str, Risk], approved_ia: ImpactAssessment
) -> None:
    assert not Risk.objects.due().filter(pk=risks["open"].pk).exists()
    assert not ImpactAssessment.objects.due().filter(pk=approved_ia.pk).exists()
    actions.approve_change(actor=personas.manager, change=submitted, note="Go ahead.")
    due = set(Risk.objects.due().values_list("pk", flat=True))
    assert risks["open"].pk in due
    assert risks["closed"].pk not in due
    assert risks["other"].pk not in due
    assert ImpactAssessment.objects.due().filter(pk=approved_ia.pk).exists()
    risks["open"].refresh_from_db()
    assert risks["open"].reassessment_reason.startswith("CHG-0001 approved")
    marked = queries.marked(submitted)
    assert [r.reference for r in marked.risks] == ["RSK-0001"]
    assert [a.reference for a in marked.assessments] == ["IA-0001"]
    event = AuditEvent.objects.filter(verb="change.approved").get()
    assert event.after is not None
    assert event.after["risks_marked"] == 1
    assert event.after["assessments_marked"] == 1
    assert Notice.objects.filter(recipient=personas.contributor, kind="change_decision").exists()


def test_reassessing_the_risk_clears_the_mark(
    personas: Personas, submitted: PlannedChange, risks: dict[str, Risk]
) -> None:
    actions.approve_change(actor=personas.manager, change=submitted)
    risk = Risk.objects.get(pk=risks["open"].pk)
    assess_risk(actor=personas.contributor, risk=risk, likelihood=2, consequence=2)
    risk.refresh_from_db()
    assert risk.reassessment_requested_on is None
    assert not Risk.objects.due().filter(pk=risk.pk).exists()
    assert queries.marked(submitted).risks_waiting == 0


def test_approving_a_newer_assessment_clears_the_mark(
    personas: Personas, submitted: PlannedChange, approved_ia: ImpactAssessment, system
) -> None:
    from aims.impact_assessments.tests.conftest import IMPACT, next_year

    actions.approve_change(actor=personas.manager, change=submitted)
    newer = ia_actions.create_assessment(
        actor=personas.contributor,
        organization=personas.org,
        ai_system=system,
        trigger="significant_change",
        intended_use="Score loans.",
        conclusion="Still fine.",
        decision="proceed",
        next_assessment_on=next_year(),
    )
    ia_actions.add_item(actor=personas.contributor, assessment=newer, **IMPACT)
    ia_actions.submit_assessment(actor=personas.contributor, assessment=newer)
    ia_actions.approve_assessment(actor=personas.manager, assessment=newer)
    approved_ia.refresh_from_db()
    assert approved_ia.reassessment_requested_on is None
    assert not ImpactAssessment.objects.due().filter(ai_system=system).exists()
