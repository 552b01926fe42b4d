from typing import Any

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from aims.audit.tests.conftest import dated_events


def _queries(client: Client, url: str, params: dict[str, Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_audit_log_page_queries_do_not_grow_with_events_or_page_size(personas):
    client = personas.client("manager")
    dated_events(personas, 3)
    few = _queries(client, "/o/acme/audit/", {"page_size": 2})
    dated_events(personas, 60)
    many = _queries(client, "/o/acme/audit/", {"page_size": 50})
    filtered = _queries(
        client, "/o/acme/audit/", {"page_size": 50, "verb": "risk.created", "date_from": "2026-03-02"}
    )
    assert few == many == filtered
    assert many <= 8


def test_audit_events_api_queries_do_not_grow_with_events_or_page_size(personas):
    client = personas.client("auditor")
    dated_events(personas, 3)
    few = _queries(client, "/api/v1/audit-events", {"organization": "acme", "page_size": 2})
    dated_events(personas, 60)
    many = _queries(client, "/api/v1/audit-events", {"organization": "acme", "page_size": 50})
    assert few == many
    assert many <= 6
