"""Each computed metric against seeded records, and the daily run: once a day, for every organisation."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest

from aims.ai_systems.models import AISystem
from aims.documents.models import Document
from aims.impact_assessments.models import ImpactAssessment
from aims.improvement.models import Nonconformity
from aims.monitoring import actions, computed
from aims.monitoring.computed import record_computed_measurements
from aims.monitoring.models import Measurement, Metric
from aims.organizations.models import Organization
from aims.reminders.models import Notice
from aims.risks.models import Risk, RiskCriteria, RiskLevel
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 15)


def _system(org: Organization, ref: str, **values: Any) -> AISystem:
    return AISystem.objects.create(organization=org, reference=ref, name=ref, purpose="x", **values)


def _assessment(system: AISystem, n: int, state: str, next_on: date | None) -> None:
    ImpactAssessment.objects.create(
        organization=system.organization, ai_system=system, number=n, reference=f"IA-{n:04d}",
        trigger="new_system", state=state, next_assessment_on=next_on,
    )  # fmt: skip


def test_impact_assessment_coverage_counts_current_approved_assessments_of_systems_in_scope(
    personas: Personas,
) -> None:
    org = personas.org
    current = _system(org, "AIS-001")
    _assessment(current, 1, "approved", TODAY + timedelta(days=30))
    lapsed = _system(org, "AIS-002")
    _assessment(lapsed, 2, "approved", TODAY - timedelta(days=1))
    draft_only = _system(org, "AIS-003")
    _assessment(draft_only, 3, "draft", None)
    _system(org, "AIS-004")
    out_of_scope = _system(org, "AIS-005", in_scope=False)
    _assessment(out_of_scope, 4, "approved", None)
    _system(org, "AIS-006", status="archived")
    forever = _system(org, "AIS-007")
    _assessment(forever, 5, "approved", None)
    values = computed.impact_assessment_coverage(TODAY, {org.pk, personas.other_org.pk})
    assert values == {org.pk: Decimal("40.00")}  # 2 of the 5 systems in scope and not archived


def test_nonconformities_past_due_counts_open_ones_due_before_today(personas: Personas) -> None:
    org = personas.org
    for n, (status, due) in enumerate(
        [("open", -1), ("action", -10), ("closed", -5), ("open", 0), ("verification", 3), ("open", None)], 1
    ):
        Nonconformity.objects.create(
            organization=org, number=n, reference=f"NC-{n:04d}", title="x", description="x", source="audit",
            grade="minor", status=status, due_on=TODAY + timedelta(days=due) if due is not None else None,
        )  # fmt: skip
    values = computed.nonconformities_past_due(TODAY, {org.pk, personas.other_org.pk})
    assert values == {org.pk: Decimal(2), personas.other_org.pk: Decimal(0)}


def test_document_reviews_overdue_counts_active_documents_past_their_review(personas: Personas) -> None:
    org = personas.org
    for n, (status, days) in enumerate(
        [("active", -1), ("active", 0), ("withdrawn", -9), ("active", None)], 1
    ):
        Document.objects.create(
            organization=org, reference=f"DOC-{n}", title="x", kind="policy", status=status,
            next_review_on=TODAY + timedelta(days=days) if days is not None else None,
        )  # fmt: skip
    assert computed.document_reviews_overdue(TODAY, {org.pk}) == {org.pk: Decimal(1)}


def _criteria(org: Organization) -> RiskCriteria:
    criteria = RiskCriteria.objects.create(organization=org, version=1, state="in_force", matrix=[])
    for rank, (key, acceptable) in enumerate([("low", ["manager"]), ("high", ["owner"]), ("extreme", [])], 1):
        RiskLevel.objects.create(
            criteria=criteria, key=key, label=key, colour="green", rank=rank, acceptable_by=acceptable
        )
    return criteria


def test_risks_above_appetite_counts_open_unaccepted_risks_at_never_acceptable_levels(
    personas: Personas,
) -> None:
    org = personas.org
    _criteria(org)
    cases = [
        ("identified", "extreme", ""),  # counted: inherent level never acceptable
        ("treated", "extreme", "low"),  # not counted: treated down to low
        ("treated", "low", "extreme"),  # counted: residual level never acceptable
        ("closed", "extreme", ""),  # not counted: closed
        ("accepted", "extreme", "extreme"),  # not counted: accepted
        ("assessed", "high", ""),  # not counted: an owner may accept it
    ]
    for n, (status, level, residual) in enumerate(cases, 1):
        Risk.objects.create(
            organization=org, number=n, reference=f"RSK-{n:04d}", title="x", status=status,
            level_key=level, residual_level_key=residual,
        )  # fmt: skip
    values = computed.risks_above_appetite(TODAY, {org.pk, personas.other_org.pk})
    assert values == {org.pk: Decimal(2), personas.other_org.pk: Decimal(0)}


def _computed_metric(personas: Personas, org: Organization, key: str, **values: Any) -> Metric:
    actor = personas.manager if org == personas.org else personas.outsider
    return actions.create_metric(
        actor=actor, organization=org, name=key, source="computed", computed_key=key, **values
    )


def test_the_daily_run_records_one_value_per_metric_per_day_for_every_organisation(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    for org in (personas.org, personas.other_org):
        for key in computed.registry():
            _computed_metric(personas, org, key)
    Nonconformity.objects.create(
        organization=personas.org, number=1, reference="NC-0001", title="x", description="x", source="audit",
        grade="minor", due_on=TODAY - timedelta(days=3),
    )  # fmt: skip
    with django_assert_max_num_queries(40):
        count = record_computed_measurements(TODAY)
    # No organisation has an AI system in scope, so coverage has no value: three metrics each.
    assert count == 6
    assert record_computed_measurements(TODAY) == 0
    assert Measurement.objects.count() == 6
    nc = Metric.objects.get(organization=personas.org, computed_key="nonconformities_past_due")
    assert nc.last_value == Decimal(1)
    assert nc.measurements.get().computed_on == TODAY
    assert record_computed_measurements(TODAY + timedelta(days=1)) == 6


def test_a_computed_breach_raises_one_notice(personas: Personas) -> None:
    metric = _computed_metric(
        personas, personas.org, "nonconformities_past_due", direction="lower_better", breach_value=Decimal(0)
    )
    Nonconformity.objects.create(
        organization=personas.org, number=1, reference="NC-0001", title="x", description="x", source="audit",
        grade="minor", due_on=TODAY - timedelta(days=3),
    )  # fmt: skip
    record_computed_measurements(TODAY)
    record_computed_measurements(TODAY)
    metric.refresh_from_db()
    assert metric.last_level == "breach"
    assert Notice.objects.filter(kind="threshold", level="alert").count() == 2  # owner and manager: no owner
