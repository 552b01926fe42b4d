"""The impact assessment readiness rules (6.1.4, 8.4): approved assessments on record, every high-risk system
in scope covered by a current one, the other systems assessed at least once."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.impact_assessments import readiness
from aims.impact_assessments.models import ImpactAssessment
from aims.organizations.models import Organization
from aims.readiness.engine import compute
from aims.readiness.models import ReadinessSettings
from aims.readiness.testing import links, queries, run, url

TODAY = timezone.localdate()
NOW = timezone.now()


def make_system(organization: Organization, number: int, **fields: Any) -> AISystem:
    return AISystem.objects.create(
        organization=organization,
        reference=f"AIS-{number:03d}",
        name=f"System {number}",
        purpose="P",
        **fields,
    )


def make_assessment(system: AISystem, number: int, **fields: Any) -> ImpactAssessment:
    values: dict[str, Any] = {"state": "approved", "approved_at": NOW - timedelta(days=10)}
    values.update(fields)
    return ImpactAssessment.objects.create(
        organization=system.organization,
        ai_system=system,
        number=number,
        reference=f"IA-{number:04d}",
        trigger="new_system",
        **values,
    )


def test_no_system_in_scope_needs_no_assessment(personas):
    make_system(personas.org, 1, in_scope=False)
    outcome = run(readiness.assessment_approved, personas.org)
    assert outcome.passed
    assert outcome.message == "No AI system is in scope yet, so no impact assessment is due."


def test_systems_in_scope_without_an_approved_assessment_are_a_blocker(personas, draft, foreign):
    make_assessment(make_system(personas.other_org, 7), 50)
    outcome = run(readiness.assessment_approved, personas.org)
    assert not outcome.passed
    assert outcome.message == "No impact assessment has been approved, though AI systems are in scope."
    assert outcome.fix is not None
    assert (outcome.fix.label, outcome.fix.url) == (
        "Start an impact assessment",
        url("impact_assessments:assessment_create"),
    )
    assert readiness.assessment_approved.severity == "stage1_blocker"


def test_an_approved_assessment_passes(personas, approved):
    assert (
        run(readiness.assessment_approved, personas.org).message
        == "Approved impact assessments are on record."
    )


class TestHighRiskAssessed:
    def test_a_high_risk_system_with_a_fresh_assessment_passes(self, personas, approved, system):
        AISystem.objects.filter(pk=system.pk).update(risk_class="high")
        make_system(personas.org, 2, risk_class="limited")
        outcome = run(readiness.high_risk_assessed, personas.org)
        assert outcome.passed
        assert outcome.message == (
            "Every high-risk AI system in scope has an impact assessment approved in the last 12 months "
            "and not due again."
        )

    def test_a_high_risk_system_never_assessed_is_named(self, personas):
        high = make_system(personas.org, 1, risk_class="high")
        prohibited = make_system(personas.org, 2, risk_class="prohibited")
        make_assessment(prohibited, 1, state="in_review", approved_at=None)
        make_system(personas.org, 3, risk_class="high", in_scope=False)
        make_system(personas.other_org, 4, risk_class="high")
        outcome = run(readiness.high_risk_assessed, personas.org)
        assert not outcome.passed
        assert outcome.message == (
            "2 high-risk AI systems in scope have no impact assessment approved in the last 12 months, "
            "or theirs is due again."
        )
        assert links(outcome) == [
            ("AIS-001 System 1", url("ai_systems:system_detail", pk=high.pk)),
            ("AIS-002 System 2", url("ai_systems:system_detail", pk=prohibited.pk)),
        ]
        assert outcome.fix is not None
        assert outcome.fix.url == url("impact_assessments:assessment_create")

    def test_an_assessment_older_than_the_setting_is_out_of_date(self, personas):
        system = make_system(personas.org, 1, risk_class="high")
        make_assessment(system, 1, approved_at=NOW - timedelta(days=100))
        assert run(readiness.high_risk_assessed, personas.org).passed
        ReadinessSettings.objects.create(organization=personas.org, impact_assessment_months=3)
        assert run(readiness.high_risk_assessed, personas.org).count == 1

    def test_the_latest_assessment_marked_by_a_change_is_due_even_if_an_older_one_is_not(self, personas):
        system = make_system(personas.org, 1, risk_class="high")
        make_assessment(system, 1, approved_at=NOW - timedelta(days=40))
        make_assessment(system, 2, approved_at=NOW - timedelta(days=5), reassessment_requested_on=TODAY)
        assert [r.label for r in run(readiness.high_risk_assessed, personas.org).records] == [
            "AIS-001 System 1"
        ]

    def test_an_assessment_past_its_next_date_is_due(self, personas):
        system = make_system(personas.org, 1, risk_class="high")
        make_assessment(system, 1, next_assessment_on=TODAY - timedelta(days=1))
        assert run(readiness.high_risk_assessed, personas.org).count == 1


def test_systems_never_assessed_that_are_not_high_risk_are_an_observation(personas, approved, system):
    never = make_system(personas.org, 2, risk_class="minimal")
    make_system(personas.org, 3, risk_class="high")  # the nonconformity rule's, not this one's
    make_system(personas.other_org, 4)
    outcome = run(readiness.systems_assessed, personas.org)
    assert not outcome.passed
    assert (
        outcome.message == "1 AI system in scope, not high-risk, has never had an impact assessment approved."
    )
    assert links(outcome) == [("AIS-002 System 2", url("ai_systems:system_detail", pk=never.pk))]
    assert outcome.fix is not None
    assert outcome.fix.url == url("impact_assessments:assessment_create")
    assert readiness.systems_assessed.severity == "observation"


def test_every_system_assessed_passes(personas, approved):
    outcome = run(readiness.systems_assessed, personas.org)
    assert outcome.passed
    assert (
        outcome.message == "Every AI system in scope that is not high-risk has an approved impact assessment."
    )


def _populate(organization: Organization, start: int, stop: int) -> None:
    for n in range(start, stop):
        high = make_system(organization, n * 3, risk_class="high")
        make_assessment(high, n * 3, approved_at=NOW - timedelta(days=900))
        make_assessment(high, n * 3 + 1, state="draft", approved_at=None)
        make_system(organization, n * 3 + 1)


@pytest.mark.parametrize("rule", readiness.RULES, ids=lambda rule: rule.id)
def test_queries_do_not_grow_with_the_records(personas, rule):
    _populate(personas.org, 1, 2)
    run(rule, personas.org)
    one = queries(rule, personas.org)
    _populate(personas.org, 2, 6)
    assert queries(rule, personas.org) == one


def test_the_engine_reports_the_impact_rules(personas, catalog, approved):
    results = {r.id: r for r in compute(personas.org).results}
    assert results["6.1.4-assessment-approved"].ok
    assert results["6.1.4-high-risk-assessed"].refs == ("6.1.4", "8.4")
