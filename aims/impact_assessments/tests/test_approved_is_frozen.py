import pytest

from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment
from aims.impact_assessments.tests.conftest import IMPACT
from aims.lib.errors import ActionError
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_actions_refuse_to_change_an_approved_assessment(
    personas: Personas, approved: ImpactAssessment
) -> None:
    item = approved.items.get()
    with pytest.raises(ActionError):
        actions.update_assessment(actor=personas.owner, assessment=approved, changes={"conclusion": "New"})
    with pytest.raises(ActionError):
        actions.add_item(actor=personas.owner, assessment=approved, **IMPACT)
    with pytest.raises(ActionError):
        actions.remove_item(actor=personas.owner, item=item)
    with pytest.raises(ActionError):
        actions.request_changes(actor=personas.owner, assessment=approved, note="Reopen")
    approved.refresh_from_db()
    assert approved.conclusion == "Acceptable with fairness testing."


def test_the_model_refuses_to_save_an_approved_assessment(approved: ImpactAssessment) -> None:
    approved.conclusion = "Rewritten behind the register's back"
    with pytest.raises(ActionError, match="never changes"):
        approved.save()
    with pytest.raises(ActionError):
        approved.delete()
    assert ImpactAssessment.objects.get(pk=approved.pk).conclusion == "Acceptable with fairness testing."


def test_the_model_refuses_to_change_an_impact_of_an_approved_assessment(approved: ImpactAssessment) -> None:
    item = approved.items.get()
    item.severity = 1
    with pytest.raises(ActionError):
        item.save()
    with pytest.raises(ActionError):
        item.delete()
    item.refresh_from_db()
    assert item.severity == 3


def test_a_newer_approved_assessment_supersedes_the_older(
    personas: Personas, approved: ImpactAssessment
) -> None:
    from aims.impact_assessments import queries
    from aims.impact_assessments.tests.conftest import next_year

    newer = actions.create_assessment(
        actor=personas.contributor, organization=personas.org, ai_system=approved.ai_system,
        trigger="significant_change", intended_use="x", conclusion="y", decision="proceed",
        next_assessment_on=next_year(),
    )  # fmt: skip
    actions.add_item(actor=personas.contributor, assessment=newer, **IMPACT)
    actions.submit_assessment(actor=personas.contributor, assessment=newer)
    actions.approve_assessment(actor=personas.owner, assessment=newer)
    assert queries.superseded_by(approved) == newer
    assert queries.superseded_by(newer) is None
