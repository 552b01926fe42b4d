import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.impact_assessments.tests.conftest import IMPACT
from aims.lib.errors import ActionError
from aims.risks import actions as risk_actions
from aims.risks.models import Risk
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_negative_impact_raises_a_new_risk_of_the_system_linked_both_ways(
    personas: Personas, item: ImpactItem
) -> None:
    actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    item.refresh_from_db()
    risk = item.risk
    assert risk is not None
    assert risk.ai_system == item.assessment.ai_system
    assert risk.title.startswith("Fairness impact: Thin-file applicants")
    assert "IA-0001" in risk.description
    assert list(risk.impact_items.all()) == [item]
    assert AuditEvent.objects.filter(verb="risk.identified").count() == 1
    event = AuditEvent.objects.get(verb="impact_assessment.risk_raised")
    assert event.data == {"item": item.pk, "risk": risk.reference, "created": True}


def test_negative_impact_links_an_existing_risk(personas: Personas, item: ImpactItem) -> None:
    existing = risk_actions.identify_risk(actor=personas.manager, organization=personas.org, title="Bias")
    actions.raise_risk_from_impact(actor=personas.contributor, item=item, risk=existing)
    item.refresh_from_db()
    assert item.risk == existing
    assert Risk.objects.count() == 1


def test_positive_impact_cannot_be_raised_as_a_risk(personas: Personas, draft: ImpactAssessment) -> None:
    good = actions.add_item(actor=personas.contributor, assessment=draft, **{**IMPACT, "effect": "positive"})
    with pytest.raises(ActionError, match="Only a negative impact"):
        actions.raise_risk_from_impact(actor=personas.contributor, item=good)
    assert not Risk.objects.exists()


def test_risk_of_another_organisation_cannot_be_linked(personas: Personas, item: ImpactItem) -> None:
    theirs = risk_actions.identify_risk(actor=personas.outsider, organization=personas.other_org, title="X")
    with pytest.raises(ValidationError):
        actions.raise_risk_from_impact(actor=personas.contributor, item=item, risk=theirs)
    item.refresh_from_db()
    assert item.risk is None


def test_impact_already_linked_is_refused(personas: Personas, item: ImpactItem) -> None:
    actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    with pytest.raises(ActionError, match="already"):
        actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    assert Risk.objects.count() == 1


def test_viewer_cannot_raise_a_risk(personas: Personas, item: ImpactItem) -> None:
    with pytest.raises(PermissionDenied):
        actions.raise_risk_from_impact(actor=personas.viewer, item=item)
    assert not Risk.objects.exists()


def test_impact_of_an_approved_assessment_can_still_be_raised(
    personas: Personas, approved: ImpactAssessment
) -> None:
    item = approved.items.get()
    actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    item.refresh_from_db()
    assert item.risk is not None


def test_the_risk_page_links_back_to_the_impact_that_raised_it(personas: Personas, item: ImpactItem) -> None:
    actions.raise_risk_from_impact(actor=personas.contributor, item=item)
    item.refresh_from_db()
    assert item.risk is not None
    response = personas.client("viewer").get(f"/o/acme/risks/{item.risk.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Raised from impact assessments" in page
    assert f"/o/acme/impact-assessments/{item.assessment_id}/" in page
