import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.impact_assessments.tests.conftest import IMPACT
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_records_an_impact_with_an_audit_event(personas: Personas, item: ImpactItem) -> None:
    assert item.severity == 3
    assert item.is_negative
    event = AuditEvent.objects.get(verb="impact_assessment.item_added")
    assert event.after is not None
    assert event.after["dimension"] == "fairness"


def test_severity_outside_one_to_four_is_refused(personas: Personas, draft: ImpactAssessment) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.add_item(actor=personas.contributor, assessment=draft, **{**IMPACT, "severity": 5})
    assert "severity" in caught.value.message_dict


def test_unknown_dimension_is_refused(personas: Personas, draft: ImpactAssessment) -> None:
    with pytest.raises(ValidationError) as caught:
        actions.add_item(actor=personas.contributor, assessment=draft, **{**IMPACT, "dimension": "vibes"})
    assert "dimension" in caught.value.message_dict


def test_viewer_cannot_record_an_impact(personas: Personas, draft: ImpactAssessment) -> None:
    with pytest.raises(PermissionDenied):
        actions.add_item(actor=personas.viewer, assessment=draft, **IMPACT)


def test_update_item_changes_it_and_records_the_change(personas: Personas, item: ImpactItem) -> None:
    actions.update_item(actor=personas.manager, item=item, changes={"severity": 4})
    item.refresh_from_db()
    assert item.severity == 4
    event = AuditEvent.objects.get(verb="impact_assessment.item_updated")
    assert event.before is not None
    assert event.before["severity"] == 3


def test_remove_item_deletes_it_with_an_audit_event(personas: Personas, item: ImpactItem) -> None:
    actions.remove_item(actor=personas.manager, item=item)
    assert not ImpactItem.objects.exists()
    assert AuditEvent.objects.filter(verb="impact_assessment.item_removed").count() == 1


def test_impacts_of_an_assessment_in_review_cannot_change(
    personas: Personas, in_review: ImpactAssessment
) -> None:
    item = in_review.items.get()
    with pytest.raises(ActionError):
        actions.add_item(actor=personas.owner, assessment=in_review, **IMPACT)
    with pytest.raises(ActionError):
        actions.update_item(actor=personas.owner, item=item, changes={"severity": 1})
    with pytest.raises(ActionError):
        actions.remove_item(actor=personas.owner, item=item)
    assert in_review.items.count() == 1
