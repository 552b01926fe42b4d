from typing import Any

import pytest

from aims.improvement.models import Nonconformity
from aims.monitoring import actions
from aims.monitoring.models import Measurement, Metric
from aims.monitoring.tests.conftest import measure
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
LIST = "/o/acme/monitoring/"


def test_the_list_shows_latest_values_to_members(personas: Personas, metric: Metric, gap: Metric) -> None:
    measure(personas.contributor, gap, "6")
    assert_permission_matrix(personas, "GET", LIST, MEMBERS)
    page = personas.client("viewer").get(LIST).content.decode()
    assert "MET-001" in page
    assert "MET-002" in page
    assert "Breach" in page
    assert "Define a metric" not in page
    breached = personas.client("viewer").get(f"{LIST}?breached=on").content.decode()
    assert "MET-002" in breached
    assert "MET-001" not in breached


def test_the_list_answers_htmx_with_the_records_partial(personas: Personas, metric: Metric) -> None:
    response = personas.client("viewer").get(f"{LIST}?source=api", HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert body.lstrip().startswith('<div id="records">')
    assert "MET-001" in body


def test_the_list_query_count_does_not_grow_with_rows(
    personas: Personas, metric: Metric, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    for n in range(15):
        created = actions.create_metric(
            actor=personas.manager, organization=personas.org, name=f"M{n}", owner=personas.owner
        )
        measure(personas.manager, created, "1")
    with django_assert_max_num_queries(12):
        response = client.get(LIST)
    assert response.content.decode().count('<code class="ref">MET-') == 16


def test_editors_define_a_metric_through_the_form(personas: Personas) -> None:
    url = f"{LIST}new/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    data = {
        "name": "Drift", "frequency": "weekly", "direction": "lower_better", "source": "manual",
        "warning_value": "0.1", "breach_value": "0.2",
    }  # fmt: skip
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data)
    response = personas.client("contributor").post(url, data)
    metric = Metric.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}{metric.pk}/"


def test_an_invalid_metric_form_writes_nothing(personas: Personas) -> None:
    data = {"name": "Drift", "frequency": "weekly", "direction": "lower_better", "source": "manual",
            "warning_value": "0.3", "breach_value": "0.2"}  # fmt: skip
    response = personas.client("contributor").post(f"{LIST}new/", data)
    assert response.status_code == 422
    assert "the warning comes before the breach" in response.content.decode()
    assert not Metric.objects.exists()


def test_editors_edit_a_metric(personas: Personas, metric: Metric) -> None:
    url = f"{LIST}{metric.pk}/edit/"
    assert_permission_matrix(personas, "GET", url, EDITORS)
    data = {"name": "Accuracy v2", "frequency": "monthly", "direction": "higher_better", "source": "api",
            "warning_value": "0.9", "breach_value": "0.8", "ai_system": "AIS-001"}  # fmt: skip
    response = personas.client("manager").post(url, data)
    assert response.status_code == 302
    metric.refresh_from_db()
    assert metric.name == "Accuracy v2"
    assert metric.ai_system is not None


def test_the_detail_page_shows_the_trend_and_its_table(personas: Personas, metric: Metric) -> None:
    for days, value in ((30, "0.95"), (20, "0.88"), (10, "0.80")):
        measure(personas.contributor, metric, value, days_ago=days)
    url = f"{LIST}{metric.pk}/"
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    page = personas.client("auditor").get(url).content.decode()
    assert 'data-chart="metric-trend"' in page
    assert "Breach threshold" in page
    assert page.count("<td>0.8</td>") == 1
    assert "Raise a nonconformity" not in page  # auditors do not edit
    assert "Add a measurement" not in page
    assert personas.client("viewer").get(f"{url}?since=2001-01-01&until=2001-12-31").status_code == 200


def test_a_contributor_adds_a_measurement_by_hand(personas: Personas, metric: Metric) -> None:
    url = f"{LIST}{metric.pk}/measurements/"
    assert_refused(personas, "POST", url, NOT_EDITORS, data={"m-value": "0.9"})
    response = personas.client("contributor").post(url, {"m-value": "0.91", "m-note": "Sample of May"})
    assert response.status_code == 302
    made = Measurement.objects.get()
    assert made.recorded_by == personas.contributor
    assert made.note == "Sample of May"


def test_an_invalid_measurement_is_shown_on_the_page(personas: Personas, metric: Metric) -> None:
    response = personas.client("contributor").post(
        f"{LIST}{metric.pk}/measurements/", {"m-value": "1", "m-measured_at": "2999-01-01T00:00"}
    )
    assert response.status_code == 422
    assert "cannot be in the future" in response.content.decode()
    assert not Measurement.objects.exists()


def test_a_breach_raises_a_nonconformity_from_the_page(
    personas: Personas, metric: Metric, foreign: Metric
) -> None:
    breach = measure(personas.contributor, metric, "0.7")
    url = f"{LIST}{metric.pk}/measurements/{breach.pk}/nonconformity/"
    assert_refused(personas, "POST", url, NOT_EDITORS)
    assert personas.client("contributor").post(url).status_code == 302
    assert Nonconformity.objects.get().source == "monitoring"
    other = f"{LIST}{foreign.pk}/measurements/{breach.pk}/nonconformity/"
    assert personas.client("contributor").post(other).status_code == 404


def test_pages_of_another_organisations_metric_are_not_found(personas: Personas, foreign: Metric) -> None:
    client = personas.client("owner")
    assert client.get(f"{LIST}{foreign.pk}/").status_code == 404
    assert client.post(f"{LIST}{foreign.pk}/measurements/", {"m-value": "1"}).status_code == 404
    assert client.get(f"/o/globex/monitoring/{foreign.pk}/").status_code == 404
