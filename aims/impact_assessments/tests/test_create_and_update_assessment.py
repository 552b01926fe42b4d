import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_starts_a_numbered_draft_with_an_audit_event(
    personas: Personas, draft: ImpactAssessment
) -> None:
    assert draft.reference == "IA-0001"
    assert draft.state == ImpactAssessment.State.DRAFT
    assert draft.author == personas.contributor
    event = AuditEvent.objects.get(verb="impact_assessment.created")
    assert event.target_id == str(draft.pk)
    assert event.after is not None
    assert event.after["trigger"] == "new_system"


def test_second_assessment_is_numbered_next(
    personas: Personas, draft: ImpactAssessment, system: AISystem
) -> None:
    second = actions.create_assessment(
        actor=personas.manager, organization=personas.org, ai_system=system, trigger="periodic"
    )
    assert second.reference == "IA-0002"


def test_viewer_and_auditor_cannot_start_an_assessment(personas: Personas, system: AISystem) -> None:
    for user in (personas.viewer, personas.auditor):
        with pytest.raises(PermissionDenied):
            actions.create_assessment(
                actor=user, organization=personas.org, ai_system=system, trigger="periodic"
            )
    assert not ImpactAssessment.objects.exists()


def test_system_of_another_organisation_is_refused(personas: Personas) -> None:
    other = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-009", name="X", purpose="Y"
    )
    with pytest.raises(ValidationError) as caught:
        actions.create_assessment(
            actor=personas.owner, organization=personas.org, ai_system=other, trigger="periodic"
        )
    assert "ai_system" in caught.value.message_dict


def test_unknown_trigger_is_refused(personas: Personas, system: AISystem) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.create_assessment(
            actor=personas.owner, organization=personas.org, ai_system=system, trigger="whim"
        )
    assert "trigger" in caught.value.message_dict


def test_update_changes_a_draft_and_records_before_and_after(
    personas: Personas, draft: ImpactAssessment
) -> None:
    actions.update_assessment(
        actor=personas.manager, assessment=draft, changes={"foreseeable_misuse": "  Used to rank staff. "}
    )
    draft.refresh_from_db()
    assert draft.foreseeable_misuse == "Used to rank staff."
    event = AuditEvent.objects.get(verb="impact_assessment.updated")
    assert event.before == {"foreseeable_misuse": ""}
    assert event.after == {"foreseeable_misuse": "Used to rank staff."}


def test_retention_must_outlast_the_next_assessment(personas: Personas, draft: ImpactAssessment) -> None:
    import datetime

    with pytest.raises(ValidationError) as caught:
        actions.update_assessment(
            actor=personas.manager,
            assessment=draft,
            changes={
                "next_assessment_on": datetime.date(2030, 1, 1),
                "retain_until": datetime.date(2029, 1, 1),
            },
        )
    assert "retain_until" in caught.value.message_dict


def test_assessment_in_review_cannot_be_changed(personas: Personas, in_review: ImpactAssessment) -> None:
    with pytest.raises(ActionError, match="only a draft"):
        actions.update_assessment(actor=personas.owner, assessment=in_review, changes={"conclusion": "Other"})


def test_viewer_cannot_update_an_assessment(personas: Personas, draft: ImpactAssessment) -> None:
    with pytest.raises(PermissionDenied):
        actions.update_assessment(actor=personas.viewer, assessment=draft, changes={"conclusion": "x"})
