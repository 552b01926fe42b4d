import json
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from aims.accounts.actions import create_api_token
from aims.accounts.models import User
from aims.monitoring import actions
from aims.monitoring.models import Measurement, Metric
from aims.monitoring.tests.conftest import ago, measure, post_json
from aims.reminders.models import Notice
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/monitoring/metrics"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]


def _token_client(user: User) -> tuple[Client, dict[str, str]]:
    _, secret = create_api_token(actor=user, name="model monitor")
    return Client(), {"Authorization": f"Bearer {secret}"}


def test_members_list_their_organisations_metrics_only(
    personas: Personas, metric: Metric, foreign: Metric
) -> None:
    url = f"{BASE}?organization=acme"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    rows = personas.client("viewer").get(url).json()["items"]
    assert [row["reference"] for row in rows] == ["MET-001"]
    assert rows[0]["ai_system"] == "AIS-001"
    assert rows[0]["owner"] == "contributor@acme.test"


def test_list_filters_by_source_system_and_breach(personas: Personas, metric: Metric, gap: Metric) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization=acme"
    assert [r["reference"] for r in client.get(f"{url}&source=manual").json()["items"]] == ["MET-002"]
    assert [r["reference"] for r in client.get(f"{url}&ai_system=AIS-001").json()["items"]] == ["MET-001"]
    assert client.get(f"{url}&breached=true").json()["items"] == []
    measure(personas.contributor, gap, "9")
    assert [r["reference"] for r in client.get(f"{url}&breached=true").json()["items"]] == ["MET-002"]
    assert client.get(f"{url}&ai_system=AIS-404").status_code == 422


def test_list_query_count_does_not_grow_with_rows(
    personas: Personas, metric: Metric, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    for n in range(12):
        measure(personas.contributor, metric, "0.9")
        actions.create_metric(
            actor=personas.manager, organization=personas.org, name=f"M{n}", owner=personas.owner
        )
    with django_assert_max_num_queries(8):
        response = client.get(f"{BASE}?organization=acme")
    assert len(response.json()["items"]) == 13


def test_contributors_create_and_patch_metrics_readers_are_refused(
    personas: Personas, metric: Metric
) -> None:
    data = {"name": "Drift", "direction": "lower_better", "warning_value": "0.1", "breach_value": "0.2"}
    assert_refused(personas, "POST", f"{BASE}?organization=acme", NOT_EDITORS, data=data, api=True)
    created = post_json(personas.client("contributor"), f"{BASE}?organization=acme", data)
    assert created.status_code == 201, created.content
    assert created.json()["reference"] == "MET-002"
    url = f"{BASE}/{metric.pk}"
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"name": "x"}, api=True)
    patched = post_json(personas.client("contributor"), url, {"breach_value": "0.8"}, "patch")
    assert patched.status_code == 200
    assert Decimal(patched.json()["breach_value"]) == Decimal("0.8")
    bad = post_json(personas.client("manager"), url, {"warning_value": "0.5"}, "patch")
    assert bad.status_code == 422
    assert "warning_value" in bad.json()["error"]["fields"]


def test_a_metric_is_found_by_reference_within_an_organisation(
    personas: Personas, metric: Metric, foreign: Metric
) -> None:
    client = personas.client("viewer")
    assert client.get(f"{BASE}/MET-001?organization=acme").json()["id"] == metric.pk
    assert client.get(f"{BASE}/MET-001").status_code == 404
    assert client.get(f"{BASE}/MET-001?organization=globex").status_code == 404
    assert client.get(f"{BASE}/{foreign.pk}").status_code == 404


def test_a_tool_posts_a_measurement_with_an_api_token(personas: Personas, metric: Metric) -> None:
    client, auth = _token_client(personas.contributor)
    url = f"{BASE}/MET-001/measurements?organization=acme"
    body = {"value": "0.80", "measured_at": ago(hours=2).isoformat(), "note": "October sample"}
    response = client.post(url, data=json.dumps(body), content_type="application/json", headers=auth)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["level"] == "breach"
    assert data["recorded_by"] == "contributor@acme.test"
    assert Measurement.objects.get().source == "api"
    assert Notice.objects.filter(kind="threshold").count() == 1


@pytest.mark.parametrize("role", ["viewer", "auditor"])
def test_tokens_of_readers_cannot_post(personas: Personas, metric: Metric, role: str) -> None:
    client, auth = _token_client(getattr(personas, role))
    url = f"{BASE}/MET-001/measurements?organization=acme"
    response = client.post(
        url, data=json.dumps({"value": "1"}), content_type="application/json", headers=auth
    )
    assert response.status_code == 403
    assert not Measurement.objects.exists()


def test_posting_to_another_organisations_metric_is_not_found(
    personas: Personas, metric: Metric, foreign: Metric
) -> None:
    client, auth = _token_client(personas.outsider)
    for url in (f"{BASE}/{metric.pk}/measurements", f"{BASE}/MET-001/measurements?organization=acme"):
        response = client.post(
            url, data=json.dumps({"value": "1"}), content_type="application/json", headers=auth
        )
        assert response.status_code == 404
    assert_refused(personas, "POST", f"{BASE}/{metric.pk}/measurements", ["anonymous", "outsider", "viewer"],
                   data={"value": "1"}, api=True)  # fmt: skip
    assert not Measurement.objects.exists()


def test_the_batch_endpoint_is_all_or_nothing(personas: Personas, metric: Metric) -> None:
    client = personas.client("contributor")
    url = f"{BASE}/{metric.pk}/measurements/batch"
    good = [{"value": "0.9", "measured_at": ago(days=d).isoformat()} for d in range(1, 6)]
    bad = [*good, {"value": "0.9", "measured_at": ago(days=-3).isoformat()}]
    refused = post_json(client, url, {"measurements": bad})
    assert refused.status_code == 422
    assert "measurements.5.measured_at" in refused.json()["error"]["fields"]
    assert not Measurement.objects.exists()
    too_many = post_json(client, url, {"measurements": [{"value": "1"}] * 1001})
    assert too_many.status_code == 422
    done = post_json(client, url, {"measurements": good})
    assert done.status_code == 201
    assert done.json() == {"recorded": 5, "last_level": "ok"}
    assert Measurement.objects.count() == 5


def test_measurements_are_listed_newest_first_and_filtered_by_date(
    personas: Personas, metric: Metric
) -> None:
    for days in (1, 5, 40):
        measure(personas.contributor, metric, "0.9", days_ago=days)
    client = personas.client("viewer")
    url = f"{BASE}/{metric.pk}/measurements"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    rows = client.get(url).json()["items"]
    assert len(rows) == 3
    assert rows[0]["measured_at"] > rows[1]["measured_at"]
    since = ago(days=10).date().isoformat()
    assert len(client.get(f"{url}?since={since}").json()["items"]) == 2
