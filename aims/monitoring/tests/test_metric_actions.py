from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aims.audit.models import AuditEvent
from aims.monitoring import actions
from aims.monitoring.models import Metric
from aims.monitoring.tests.conftest import measure
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def test_contributor_defines_a_numbered_metric_with_an_audit_event(
    personas: Personas, metric: Metric
) -> None:
    assert metric.reference == "MET-001"
    second = actions.create_metric(actor=personas.manager, organization=personas.org, name="Second")
    assert second.reference == "MET-002"
    event = AuditEvent.objects.get(verb="metric.created", target_id=str(metric.pk))
    assert (event.after or {})["name"] == "Credit model accuracy"
    assert (event.after or {})["warning_value"] == "0.9"


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_readers_cannot_define_metrics(personas: Personas, role: str) -> None:
    with pytest.raises(PermissionDenied):
        actions.create_metric(actor=getattr(personas, role), organization=personas.org, name="X")
    assert not Metric.objects.exists()


def test_thresholds_must_follow_the_direction(personas: Personas) -> None:
    with pytest.raises(ValidationError) as higher:
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name="Accuracy", direction="higher_better",
            warning_value=Decimal("0.80"), breach_value=Decimal("0.85"),
        )  # fmt: skip
    assert "warning_value" in higher.value.message_dict
    with pytest.raises(ValidationError):
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name="Gap", direction="lower_better",
            warning_value=Decimal("6"), breach_value=Decimal("5"),
        )  # fmt: skip
    assert not Metric.objects.exists()


def test_a_computed_metric_names_a_known_computation(personas: Personas) -> None:
    with pytest.raises(ValidationError) as unknown:
        actions.create_metric(
            actor=personas.manager,
            organization=personas.org,
            name="X",
            source="computed",
            computed_key="nope",
        )
    assert "computed_key" in unknown.value.message_dict
    with pytest.raises(ValidationError):
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name="X", source="manual",
            computed_key="nonconformities_past_due",
        )  # fmt: skip
    assert not Metric.objects.exists()


def test_owner_and_ai_system_must_be_of_the_organisation(personas: Personas, foreign: Metric) -> None:
    with pytest.raises(ValidationError) as outsider:
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name="X", owner=personas.outsider
        )
    assert "owner" in outsider.value.message_dict
    assert Metric.objects.filter(organization=personas.org).count() == 0


def test_update_changes_thresholds_and_rereads_the_latest_level(personas: Personas, metric: Metric) -> None:
    measure(personas.contributor, metric, "0.88")
    metric.refresh_from_db()
    assert metric.last_level == "warning"
    actions.update_metric(
        actor=personas.contributor, metric=metric, changes={"warning_value": Decimal("0.87")}
    )
    metric.refresh_from_db()
    assert metric.last_level == "ok"
    event = AuditEvent.objects.get(verb="metric.updated")
    assert event.before == {"warning_value": "0.9"}
    assert event.after == {"warning_value": "0.87"}


def test_viewer_cannot_update_a_metric(personas: Personas, metric: Metric) -> None:
    with pytest.raises(PermissionDenied):
        actions.update_metric(actor=personas.viewer, metric=metric, changes={"name": "Other"})
    metric.refresh_from_db()
    assert metric.name == "Credit model accuracy"
