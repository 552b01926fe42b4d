from datetime import date
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from aims.monitoring import actions
from aims.monitoring.models import Measurement, Metric
from aims.monitoring.tests.conftest import measure
from aims.web.testing import Personas

pytestmark = pytest.mark.django_db


def _run(*args: str) -> str:
    out = StringIO()
    call_command("monitoring", *args, stdout=out)
    return out.getvalue()


def test_list_and_show(personas: Personas, metric: Metric) -> None:
    measure(personas.contributor, metric, "0.93")
    listed = _run("list", "--org", "acme", "--user", "viewer@acme.test")
    assert "MET-001" in listed
    assert "0.93" in listed
    shown = _run("show", "MET-001", "--org", "acme", "--user", "viewer@acme.test")
    assert "Credit model accuracy" in shown
    assert "Latest measurements (1)" in shown
    assert '"reference": "MET-001"' in _run(
        "show", "MET-001", "--org", "acme", "--user", "viewer@acme.test", "--format", "json"
    )


def test_unknown_metric_or_outsider_is_a_usage_error(personas: Personas, metric: Metric) -> None:
    with pytest.raises(CommandError) as unknown:
        _run("show", "MET-404", "--org", "acme", "--user", "viewer@acme.test")
    assert unknown.value.returncode == 2
    with pytest.raises(CommandError):
        _run("list", "--org", "acme", "--user", "outsider@globex.test")


def test_record_a_value_as_a_member(personas: Personas, metric: Metric) -> None:
    said = _run("record", "MET-001", "--org", "acme", "--user", "contributor@acme.test", "--value", "0.93",
                "--at", "2026-01-05T09:00")  # fmt: skip
    assert "MET-001 0.93" in said
    made = Measurement.objects.get()
    assert made.value == Decimal("0.93")
    assert made.measured_at.date() == date(2026, 1, 5)
    with pytest.raises(CommandError) as refused:
        _run("record", "MET-001", "--org", "acme", "--user", "viewer@acme.test", "--value", "1")
    assert refused.value.returncode == 1
    with pytest.raises(CommandError) as nonsense:
        _run("record", "MET-001", "--org", "acme", "--user", "contributor@acme.test", "--value", "lots")
    assert nonsense.value.returncode == 2
    assert Measurement.objects.count() == 1


def test_compute_runs_the_computed_metrics(personas: Personas) -> None:
    actions.create_metric(
        actor=personas.manager, organization=personas.org, name="Overdue docs", source="computed",
        computed_key="document_reviews_overdue",
    )  # fmt: skip
    assert "Recorded 1 computed measurement(s) for 2026-03-01" in _run("compute", "--on", "2026-03-01")
    assert "Recorded 0" in _run("compute", "--on", "2026-03-01")
