import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_submit_sends_a_complete_draft_for_review(personas: Personas, in_review: ImpactAssessment) -> None:
    assert in_review.state == ImpactAssessment.State.IN_REVIEW
    assert in_review.submitted_at is not None
    assert AuditEvent.objects.filter(verb="impact_assessment.submitted").count() == 1


def test_submit_refuses_a_draft_without_conclusion_decision_or_next_date(
    personas: Personas, draft: ImpactAssessment, item: object
) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.submit_assessment(actor=personas.contributor, assessment=draft)
    assert {"conclusion", "decision", "next_assessment_on"} <= set(caught.value.message_dict)
    draft.refresh_from_db()
    assert draft.is_draft


def test_submit_refuses_a_draft_without_impacts(personas: Personas, draft: ImpactAssessment) -> None:
    from aims.impact_assessments.tests.conftest import next_year

    actions.update_assessment(
        actor=personas.contributor,
        assessment=draft,
        changes={"conclusion": "Fine", "decision": "proceed", "next_assessment_on": next_year()},
    )
    with pytest.raises(ValidationError, match="at least one impact"):
        actions.submit_assessment(actor=personas.contributor, assessment=draft)


def test_viewer_cannot_submit(personas: Personas, complete: ImpactAssessment) -> None:
    with pytest.raises(PermissionDenied):
        actions.submit_assessment(actor=personas.viewer, assessment=complete)


def test_manager_approves_an_assessment_someone_else_wrote(
    personas: Personas, approved: ImpactAssessment
) -> None:
    assert approved.is_approved
    assert approved.approved_by == personas.manager
    assert approved.approved_at is not None
    assert AuditEvent.objects.filter(verb="impact_assessment.approved").count() == 1


def test_author_cannot_approve_their_own_assessment(personas: Personas, system: object) -> None:
    from aims.impact_assessments.tests.conftest import IMPACT, next_year

    own = actions.create_assessment(
        actor=personas.owner, organization=personas.org, ai_system=system, trigger="periodic",
        intended_use="x", conclusion="y", decision="proceed", next_assessment_on=next_year(),
    )  # fmt: skip
    actions.add_item(actor=personas.owner, assessment=own, **IMPACT)
    actions.submit_assessment(actor=personas.owner, assessment=own)
    with pytest.raises(ActionError, match=r"You wrote this assessment; someone else must approve it\."):
        actions.approve_assessment(actor=personas.owner, assessment=own)
    own.refresh_from_db()
    assert own.state == ImpactAssessment.State.IN_REVIEW


def test_contributor_cannot_approve(personas: Personas, in_review: ImpactAssessment) -> None:
    with pytest.raises(PermissionDenied):
        actions.approve_assessment(actor=personas.auditor, assessment=in_review)
    with pytest.raises(PermissionDenied):
        actions.approve_assessment(actor=personas.contributor, assessment=in_review)


def test_a_draft_cannot_be_approved(personas: Personas, complete: ImpactAssessment) -> None:
    with pytest.raises(ActionError, match="not in review"):
        actions.approve_assessment(actor=personas.manager, assessment=complete)


def test_request_changes_sends_it_back_to_draft_with_the_note(
    personas: Personas, in_review: ImpactAssessment
) -> None:
    actions.request_changes(actor=personas.owner, assessment=in_review, note="Add the privacy impacts.")
    in_review.refresh_from_db()
    assert in_review.is_draft
    event = AuditEvent.objects.get(verb="impact_assessment.changes_requested")
    assert event.data == {"note": "Add the privacy impacts."}


def test_request_changes_needs_a_note(personas: Personas, in_review: ImpactAssessment) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.request_changes(actor=personas.owner, assessment=in_review, note=" ")
    assert "note" in caught.value.message_dict


def test_viewer_cannot_request_changes(personas: Personas, in_review: ImpactAssessment) -> None:
    with pytest.raises(PermissionDenied):
        actions.request_changes(actor=personas.viewer, assessment=in_review, note="No")
