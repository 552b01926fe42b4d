"""Risks are due when their review date has passed or their AI system changed since they were assessed."""

from datetime import timedelta

from django.utils import timezone

from aims.ai_systems import actions as system_actions
from aims.risks import actions
from aims.risks.models import Risk


def test_a_past_review_date_makes_a_risk_due(personas, risk):
    assert not Risk.objects.due().exists()
    actions.update_risk(
        actor=personas.manager,
        risk=risk,
        changes={"next_review_on": timezone.localdate() - timedelta(days=1)},
    )
    assert list(Risk.objects.due()) == [risk]


def test_a_change_to_the_ai_system_after_the_assessment_makes_it_due(personas, assessed, system):
    assert not Risk.objects.due().exists()
    system_actions.update_ai_system(actor=personas.manager, system=system, changes={"purpose": "Score more"})
    assert list(Risk.objects.due()) == [assessed]
    actions.assess_risk(actor=personas.manager, risk=assessed, likelihood=3, consequence=3)
    assert not Risk.objects.due().exists()


def test_a_stage_change_makes_it_due_and_closed_risks_never_are(personas, assessed, system):
    system_actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="design_development")
    assert Risk.objects.due().count() == 1
    actions.close_risk(actor=personas.manager, risk=assessed, reason="Retired")
    assert not Risk.objects.due().exists()


def test_the_due_filter_of_the_register_lists_only_due_risks(personas, assessed, system):
    client = personas.client("viewer")
    assert "Unfair" not in client.get("/o/acme/risks/?due=on").content.decode()
    system_actions.update_ai_system(actor=personas.manager, system=system, changes={"purpose": "Changed"})
    page = client.get("/o/acme/risks/?due=on").content.decode()
    assert "Unfair" in page
    assert "badge due" in page


def test_an_organisation_wide_risk_is_due_by_its_review_date_alone(personas):
    yesterday = timezone.localdate() - timedelta(days=1)
    risk = actions.identify_risk(
        actor=personas.manager, organization=personas.org, title="Org-wide", next_review_on=yesterday
    )
    actions.assess_risk(actor=personas.manager, risk=risk, likelihood=2, consequence=2)
    assert list(Risk.objects.due()) == [risk]


def test_an_expired_acceptance_makes_the_risk_due(personas, treated):
    actions.accept_risk(
        actor=personas.owner, risk=treated, rationale="r", expires_on=timezone.localdate() + timedelta(days=1)
    )
    assert not Risk.objects.due().exists()
    Risk.objects.filter(pk=treated.pk).update(acceptance_expires_on=timezone.localdate() - timedelta(days=1))
    assert list(Risk.objects.due()) == [treated]
