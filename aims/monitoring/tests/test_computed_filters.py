"""Computed metrics filtered as the AI system register filters: EU AI Act class, scope, life-cycle stage and
owner. Worked on real records; the organisation next door has its own systems, never counted here."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aims.accounts.models import User
from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.impact_assessments.models import ImpactAssessment
from aims.monitoring import actions, computed, system_filter
from aims.monitoring.computed import record_computed_measurements
from aims.monitoring.models import Metric
from aims.monitoring.system_filter import SystemFilter
from aims.monitoring.tests.conftest import post_json
from aims.objectives.actions import create_objective
from aims.organizations.models import Membership, Organization
from aims.risks.models import Risk, RiskCriteria, RiskLevel
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 15)
BASE = "/api/v1/monitoring/metrics"
HIGH = SystemFilter(risk_class=("high",))


def _system(org: Organization, ref: str, risk_class: str = "high", **values: Any) -> AISystem:
    return AISystem.objects.create(
        organization=org, reference=ref, name=ref, purpose="x", risk_class=risk_class, **values
    )


def _assessment(system: AISystem, next_on: date | None = None) -> None:
    n = ImpactAssessment.objects.filter(organization=system.organization).count() + 1
    ImpactAssessment.objects.create(
        organization=system.organization, ai_system=system, number=n, reference=f"IA-{n:04d}",
        trigger="new_system", state="approved", next_assessment_on=next_on,
    )  # fmt: skip


def _risk(org: Organization, system: AISystem | None, **values: Any) -> Risk:
    n = Risk.objects.filter(organization=org).count() + 1
    return Risk.objects.create(
        organization=org, number=n, reference=f"RSK-{n:04d}", title="x", ai_system=system, **values
    )


def _at(day: date, hour: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


@pytest.fixture
def inventory(personas: Personas) -> dict[str, AISystem]:
    """Acme's eight AI systems; the contributor owns AIS-001 and AIS-003. Globex has one of its own.

    | system  | class   | scope | stage                    | impact assessment |
    | AIS-001 | high    | in    | deployment               | current           |
    | AIS-002 | high    | in    | operation and monitoring | lapsed yesterday  |
    | AIS-003 | high    | in    | design and development   | none              |
    | AIS-004 | high    | in    | operation and monitoring | current           |
    | AIS-005 | high    | out   | deployment               | current           |
    | AIS-006 | high    | in, archived                     | current           |
    | AIS-007 | limited | in    | deployment               | current           |
    | AIS-008 | minimal | in    | inception                | current           |
    """
    org, ann = personas.org, personas.contributor
    specs: list[tuple[str, str, dict[str, Any], date | None]] = [
        ("AIS-001", "high", {"lifecycle_stage": "deployment", "owner": ann}, TODAY + timedelta(days=30)),
        ("AIS-002", "high", {"lifecycle_stage": "operation_monitoring"}, TODAY - timedelta(days=1)),
        ("AIS-003", "high", {"lifecycle_stage": "design_development", "owner": ann}, None),
        ("AIS-004", "high", {"lifecycle_stage": "operation_monitoring"}, TODAY),
        ("AIS-005", "high", {"lifecycle_stage": "deployment", "in_scope": False}, TODAY),
        ("AIS-006", "high", {"lifecycle_stage": "deployment", "status": "archived"}, TODAY),
        ("AIS-007", "limited", {"lifecycle_stage": "deployment"}, TODAY),
        ("AIS-008", "minimal", {}, TODAY),
    ]
    systems = {}
    for ref, risk_class, values, next_on in specs:
        systems[ref] = _system(org, ref, risk_class, **values)
        if ref != "AIS-003":
            _assessment(systems[ref], next_on)
    systems["GLOBEX"] = _system(personas.other_org, "AIS-001", "high", lifecycle_stage="deployment")
    return systems


def test_a_filtered_impact_assessment_coverage_counts_only_high_risk_systems(
    personas: Personas, inventory: dict[str, AISystem]
) -> None:
    org, globex = personas.org.pk, personas.other_org.pk
    # Unfiltered: the six current systems in scope (AIS-001…004, 007, 008); four have a current one.
    assert computed.impact_assessment_coverage(TODAY, {org}) == {org: Decimal("66.67")}
    # High-risk only: AIS-001…004 (005 is out of scope, 006 archived); AIS-001 and 004 are covered.
    values = computed.impact_assessment_coverage(TODAY, {org, globex}, HIGH)
    assert values == {org: Decimal("50.00"), globex: Decimal("0.00")}
    # And in deployment or operation: AIS-001, 002 and 004, of which 001 and 004 are covered.
    deployed = SystemFilter(risk_class=("high",), lifecycle_stage=("deployment", "operation_monitoring"))
    assert computed.impact_assessment_coverage(TODAY, {org}, deployed) == {org: Decimal("66.67")}
    # Outside the scope: AIS-005 alone, covered.
    outside = SystemFilter(risk_class=("high",), in_scope=False)
    assert computed.impact_assessment_coverage(TODAY, {org}, outside) == {org: Decimal("100.00")}
    # No prohibited system: no value rather than 0 %.
    assert computed.impact_assessment_coverage(TODAY, {org}, SystemFilter(risk_class=("prohibited",))) == {}


def test_the_owner_filter_counts_the_systems_of_that_member_only(
    personas: Personas, inventory: dict[str, AISystem]
) -> None:
    org = personas.org.pk
    anns = SystemFilter(owner=personas.contributor.pk)
    # The contributor owns AIS-001 (covered) and AIS-003 (no assessment).
    assert computed.impact_assessment_coverage(TODAY, {org}, anns) == {org: Decimal("50.00")}
    assert computed.impact_assessment_coverage(TODAY, {org}, SystemFilter(owner=personas.owner.pk)) == {}


def test_risk_assessment_coverage_counts_systems_with_a_risk_assessed_in_the_last_12_months(
    personas: Personas, inventory: dict[str, AISystem]
) -> None:
    org, s = personas.org, inventory
    _risk(org, s["AIS-001"], assessed_at=_at(date(2026, 1, 10)))  # counted
    _risk(org, s["AIS-002"], assessed_at=_at(date(2025, 6, 14), 23))  # a day more than 12 months ago
    _risk(org, s["AIS-003"], assessed_at=_at(date(2025, 6, 15)))  # counted: 12 months ago to the day
    _risk(org, s["AIS-004"])  # identified, never assessed
    _risk(org, s["AIS-005"], assessed_at=_at(TODAY))  # counted, but AIS-005 is out of scope
    _risk(org, s["AIS-007"], kind="opportunity", assessed_at=_at(TODAY))  # an opportunity, not a risk
    _risk(org, s["AIS-008"], assessed_at=_at(TODAY + timedelta(days=1)))  # after the day computed
    _risk(personas.other_org, s["GLOBEX"], assessed_at=_at(TODAY))
    both = {org.pk, personas.other_org.pk}
    # In scope: AIS-001…004, 007, 008; assessed: 001 and 003.
    assert computed.risk_assessment_coverage(TODAY, both) == {
        org.pk: Decimal("33.33"),
        personas.other_org.pk: Decimal("100.00"),
    }
    # High-risk in scope: AIS-001…004; assessed: 001 and 003.
    assert computed.risk_assessment_coverage(TODAY, {org.pk}, HIGH) == {org.pk: Decimal("50.00")}


def test_another_organisations_records_are_never_counted(
    personas: Personas, inventory: dict[str, AISystem]
) -> None:
    """Even a record pointing across organisations (which the actions refuse) does not count."""
    globex = personas.other_org
    _risk(personas.org, inventory["GLOBEX"], assessed_at=_at(TODAY))
    ImpactAssessment.objects.create(
        organization=personas.org, ai_system=inventory["GLOBEX"], number=99, reference="IA-0099",
        trigger="new_system", state="approved",
    )  # fmt: skip
    assert computed.risk_assessment_coverage(TODAY, {globex.pk}, HIGH) == {globex.pk: Decimal("0.00")}
    assert computed.impact_assessment_coverage(TODAY, {globex.pk}, HIGH) == {globex.pk: Decimal("0.00")}


def test_risks_above_appetite_counts_only_the_risks_of_the_systems_filtered(
    personas: Personas, inventory: dict[str, AISystem]
) -> None:
    org = personas.org
    criteria = RiskCriteria.objects.create(organization=org, version=1, state="in_force", matrix=[])
    RiskLevel.objects.create(
        criteria=criteria, key="extreme", label="x", colour="red", rank=1, acceptable_by=[]
    )
    for system in (inventory["AIS-001"], inventory["AIS-005"], inventory["AIS-007"], None):
        _risk(org, system, level_key="extreme")
    assert computed.risks_above_appetite(TODAY, {org.pk}) == {org.pk: Decimal(4)}
    # High-risk systems, in or out of scope: AIS-001 and AIS-005; not the organisation-wide risk.
    assert computed.risks_above_appetite(TODAY, {org.pk}, HIGH) == {org.pk: Decimal(2)}
    in_scope = SystemFilter(risk_class=("high",), in_scope=True)
    assert computed.risks_above_appetite(TODAY, {org.pk}, in_scope) == {org.pk: Decimal(1)}


def _seed(n_orgs: int, n_systems: int, prefix: str) -> list[int]:
    """Organisations whose AI systems (every other one high-risk) are all assessed today."""
    ids = []
    for i in range(n_orgs):
        org = Organization.objects.create(name=f"{prefix} {i}", slug=f"{prefix}-{i}")
        for j in range(n_systems):
            system = _system(org, f"AIS-{j:03d}", "high" if j % 2 else "limited")
            _assessment(system)
            _risk(org, system, assessed_at=_at(TODAY))
        ids.append(org.pk)
    return ids


def _queries(run: Any) -> int:
    with CaptureQueriesContext(connection) as captured:
        run()
    return len(captured.captured_queries)


@pytest.mark.parametrize("key", ["impact_assessment_coverage", "risk_assessment_coverage"])
def test_a_filtered_computation_takes_the_same_queries_for_one_or_many_organisations(
    personas: Personas, key: str
) -> None:
    few, many = _seed(1, 2, "few"), _seed(6, 5, "many")
    compute = computed.registry()[key].compute
    assert _queries(lambda: compute(TODAY, few, HIGH)) == _queries(lambda: compute(TODAY, many, HIGH)) == 1
    assert compute(TODAY, many, HIGH) == {org: Decimal("100.00") for org in many}


def _computed_metric(actor: User, org: Organization, key: str, systems: dict[str, Any]) -> Metric:
    return actions.create_metric(
        actor=actor, organization=org, name=key, source="computed", computed_key=key, computed_filter=systems
    )


def _owner_of(org_ids: list[int], email: str) -> User:
    user = User.objects.create_user(email=email, password=None)
    Membership.objects.bulk_create(Membership(organization_id=o, user=user, role="owner") for o in org_ids)
    return user


def test_the_daily_run_computes_each_computation_and_filter_once_for_all_organisations(
    personas: Personas,
) -> None:
    def seeded(n_orgs: int, prefix: str) -> tuple[int, int]:
        orgs = _seed(n_orgs, 3, prefix)
        actor = _owner_of(orgs, f"{prefix}@example.test")
        for org in Organization.objects.filter(pk__in=orgs):
            _computed_metric(actor, org, "impact_assessment_coverage", {"risk_class": ["high"]})
            _computed_metric(actor, org, "impact_assessment_coverage", {"risk_class": ["limited"]})
            _computed_metric(actor, org, "risk_assessment_coverage", {})
        table = AISystem._meta.db_table
        with CaptureQueriesContext(connection) as captured:
            recorded = record_computed_measurements(TODAY, organization_ids=orgs)
        return recorded, sum(table in q["sql"] for q in captured.captured_queries)

    assert seeded(1, "one") == (3, 3)  # one query over AI systems per computation and filter
    assert seeded(5, "five") == (15, 3)
    values = Metric.objects.filter(organization__slug="five-4").order_by("pk").values_list("last_value")
    assert [value for (value,) in values] == [Decimal(100)] * 3


def test_a_metric_keeps_its_filter_and_the_audit_event_records_it(personas: Personas) -> None:
    given = {
        "owner": personas.contributor.pk,
        "lifecycle_stage": ["operation_monitoring", "deployment", "deployment"],
        "in_scope": True,
        "risk_class": "high",
    }
    metric = _computed_metric(personas.manager, personas.org, "impact_assessment_coverage", given)
    expected = {
        "risk_class": ["high"],
        "lifecycle_stage": ["deployment", "operation_monitoring"],
        "in_scope": True,
        "owner": personas.contributor.pk,
    }
    metric.refresh_from_db()
    assert metric.computed_filter == expected
    created = AuditEvent.objects.get(verb="metric.created", target_id=str(metric.pk))
    assert (created.after or {})["computed_filter"] == expected
    changed = actions.update_metric(
        actor=personas.manager, metric=metric, changes={"computed_filter": {"risk_class": ["limited"]}}
    )
    assert changed.computed_filter == {"risk_class": ["limited"]}
    updated = AuditEvent.objects.get(verb="metric.updated", target_id=str(metric.pk))
    assert (updated.before or {})["computed_filter"] == expected
    assert (updated.after or {})["computed_filter"] == {"risk_class": ["limited"]}
    assert metric.system_filter.describe("Contributor") == "limited-risk AI systems"


def test_the_filter_in_words(personas: Personas) -> None:
    systems = SystemFilter(
        risk_class=("high",), lifecycle_stage=("deployment", "operation_monitoring"), in_scope=True, owner=7
    )
    assert systems.describe("Ann") == (
        "high-risk AI systems in scope, in deployment or operation and monitoring, owned by Ann"
    )
    assert SystemFilter(risk_class=("prohibited", "high", "")).describe() == (
        "prohibited-practice, high-risk or unclassified AI systems"
    )
    assert SystemFilter().describe() == "all AI systems"
    assert SystemFilter().describe(in_scope_default=True) == "AI systems in scope"
    assert SystemFilter(in_scope=False).describe(in_scope_default=True) == "AI systems outside the AIMS scope"


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"colour": "red"}, "computed_filter"),
        (["high"], "computed_filter"),
        ({"risk_class": ["hgh"]}, "computed_filter.risk_class"),
        ({"risk_class": [3]}, "computed_filter.risk_class"),
        ({"lifecycle_stage": ["launch"]}, "computed_filter.lifecycle_stage"),
        ({"in_scope": "yes"}, "computed_filter.in_scope"),
        ({"owner": "ann@acme.test"}, "computed_filter.owner"),
        ({"owner": "outsider"}, "computed_filter.owner"),
    ],
)
def test_an_invalid_filter_is_refused_with_its_field_named_and_nothing_written(
    personas: Personas, given: Any, field: str
) -> None:
    if given == {"owner": "outsider"}:
        given = {"owner": personas.outsider.pk}
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as refused:
        _computed_metric(personas.manager, personas.org, "impact_assessment_coverage", given)
    assert field in refused.value.message_dict
    assert (Metric.objects.count(), AuditEvent.objects.count()) == (0, events)


def test_an_invalid_change_of_filter_leaves_the_metric_as_it_was(personas: Personas) -> None:
    metric = _computed_metric(personas.manager, personas.org, "risk_assessment_coverage", {"in_scope": False})
    with pytest.raises(ValidationError) as refused:
        actions.update_metric(
            actor=personas.manager, metric=metric, changes={"computed_filter": {"risk_class": ["huge"]}}
        )
    assert "Unknown EU AI Act class: 'huge'" in refused.value.message_dict["computed_filter.risk_class"][0]
    metric.refresh_from_db()
    assert metric.computed_filter == {"in_scope": False}
    assert not AuditEvent.objects.filter(verb="metric.updated").exists()


@pytest.mark.parametrize("key", ["nonconformities_past_due", "document_reviews_overdue"])
def test_metrics_not_about_ai_systems_refuse_a_filter(personas: Personas, key: str) -> None:
    with pytest.raises(ValidationError) as refused:
        _computed_metric(personas.manager, personas.org, key, {"risk_class": ["high"]})
    assert refused.value.message_dict["computed_filter"] == [system_filter.NOT_ABOUT_SYSTEMS]
    metric = _computed_metric(
        personas.manager, personas.org, "impact_assessment_coverage", {"in_scope": True}
    )
    with pytest.raises(ValidationError) as moved:
        actions.update_metric(actor=personas.manager, metric=metric, changes={"computed_key": key})
    assert moved.value.message_dict["computed_filter"] == [system_filter.NOT_ABOUT_SYSTEMS]
    with pytest.raises(ValidationError) as manual:
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name="x", computed_filter={"in_scope": True}
        )
    assert manual.value.message_dict["computed_filter"] == [system_filter.ONLY_COMPUTED]


def test_the_api_takes_and_gives_the_filter_with_the_owner_by_email(personas: Personas) -> None:
    client = personas.client("contributor")
    data = {
        "name": "High-risk systems with a current impact assessment", "source": "computed",
        "computed_key": "impact_assessment_coverage", "unit": "%",
        "computed_filter": {
            "risk_class": ["high"], "lifecycle_stage": ["deployment", "operation_monitoring"],
            "in_scope": True, "owner": "Contributor@acme.test",
        },
    }  # fmt: skip
    created = post_json(client, f"{BASE}?organization=acme", data)
    assert created.status_code == 201, created.content
    expected = {
        "risk_class": ["high"],
        "lifecycle_stage": ["deployment", "operation_monitoring"],
        "in_scope": True,
        "owner": "contributor@acme.test",
        "description": "high-risk AI systems in scope, in deployment or operation and monitoring, owned by "
        "Contributor",
    }
    assert created.json()["computed_filter"] == expected
    url = f"{BASE}/{created.json()['id']}"
    assert client.get(url).json()["computed_filter"] == expected
    patched = post_json(client, url, {"computed_filter": {"in_scope": False}}, "patch")
    assert patched.json()["computed_filter"]["description"] == "AI systems outside the AIMS scope"
    cleared = post_json(client, url, {"computed_filter": None}, "patch")
    assert cleared.json()["computed_filter"] is None
    assert Metric.objects.get().computed_filter == {}


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"risk_class": ["hgh"]}, "computed_filter.risk_class.0"),
        ({"colour": "red"}, "computed_filter.colour"),
        ({"in_scope": "perhaps"}, "computed_filter.in_scope"),
        ({"owner": "outsider@globex.test"}, "computed_filter.owner"),
    ],
)
def test_the_api_refuses_an_invalid_filter_naming_the_field(
    personas: Personas, given: Any, field: str
) -> None:
    data = {
        "name": "x",
        "source": "computed",
        "computed_key": "risk_assessment_coverage",
        "computed_filter": given,
    }
    refused = post_json(personas.client("contributor"), f"{BASE}?organization=acme", data)
    assert refused.status_code == 422
    assert field in refused.json()["error"]["fields"]
    assert not Metric.objects.exists()


def test_the_api_refuses_a_filter_on_a_metric_not_about_ai_systems(personas: Personas) -> None:
    data = {
        "name": "x", "source": "computed", "computed_key": "document_reviews_overdue",
        "computed_filter": {"risk_class": ["high"]},
    }  # fmt: skip
    refused = post_json(personas.client("contributor"), f"{BASE}?organization=acme", data)
    assert refused.status_code == 422
    assert refused.json()["error"]["fields"]["computed_filter"] == [system_filter.NOT_ABOUT_SYSTEMS]


def test_the_metric_list_says_filters_without_a_query_per_row(
    personas: Personas, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        _computed_metric(
            personas.manager, personas.org, "impact_assessment_coverage",
            {"owner": personas.contributor.pk if n % 2 else personas.owner.pk},
        )  # fmt: skip
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        rows = client.get(f"{BASE}?organization=acme").json()["items"]
    assert [r["computed_filter"]["owner"] for r in rows[:2]] == ["owner@acme.test", "contributor@acme.test"]


def test_the_form_sets_the_filter_and_the_page_says_it(personas: Personas) -> None:
    client = personas.client("manager")
    data = {
        "name": "High-risk coverage", "frequency": "monthly", "direction": "higher_better",
        "source": "computed", "computed_key": "impact_assessment_coverage",
        "filter_risk_class": ["high", ""], "filter_lifecycle_stage": ["deployment"],
        "filter_in_scope": "in", "filter_owner": str(personas.contributor.pk),
    }  # fmt: skip
    response = client.post("/o/acme/monitoring/new/", data)
    assert response.status_code == 302, response.content.decode()
    metric = Metric.objects.get()
    assert metric.computed_filter == {
        "risk_class": ["", "high"],
        "lifecycle_stage": ["deployment"],
        "in_scope": True,
        "owner": personas.contributor.pk,
    }
    page = client.get(f"/o/acme/monitoring/{metric.pk}/").content.decode()
    assert "Unclassified or high-risk AI systems in scope, in deployment, owned by Contributor" in page
    form = client.get(f"/o/acme/monitoring/{metric.pk}/edit/").content.decode()
    assert 'value="deployment" id="id_filter_lifecycle_stage_3" checked' in form
    wrong = client.post(
        f"/o/acme/monitoring/{metric.pk}/edit/", {**data, "computed_key": "nonconformities_past_due"}
    )
    assert wrong.status_code == 422
    assert system_filter.NOT_ABOUT_SYSTEMS in wrong.content.decode()


def test_an_objective_measured_by_a_filtered_metric_says_what_it_counts(personas: Personas) -> None:
    metric = _computed_metric(
        personas.manager, personas.org, "impact_assessment_coverage", {"risk_class": ["high"]}
    )
    objective = create_objective(
        actor=personas.manager, organization=personas.org, title="Every high-risk system assessed",
        metric=metric, target_value=Decimal(100), unit="%",
    )  # fmt: skip
    page = personas.client("viewer").get(f"/o/acme/objectives/{objective.pk}/").content.decode()
    assert "counting only high-risk AI systems in scope" in page
