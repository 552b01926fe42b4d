from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from aims.audit.models import AuditEvent
from aims.readiness.actions import record_snapshot
from aims.readiness.models import ReadinessSettings, ReadinessSnapshot
from aims.web.testing import ROLES, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.usefixtures("catalog")
BASE = "/api/v1/readiness"


def _patch(client: Client, url: str, body: dict[str, object]) -> Any:
    return client.patch(url, data=json.dumps(body), content_type="application/json")


def test_every_member_reads_readiness_and_outsiders_do_not(personas: Personas) -> None:
    for url in (
        f"{BASE}?organization=acme",
        f"{BASE}/clauses/4.3?organization=acme",
        f"{BASE}/rules/4.3-scope-approved?organization=acme",
        f"{BASE}/settings?organization=acme",
        f"{BASE}/snapshots?organization=acme",
    ):
        assert_permission_matrix(personas, "GET", url, ROLES, api=True)


def test_readiness_answers_clauses_controls_and_rules_with_their_findings(personas: Personas) -> None:
    body = personas.client("viewer").get(f"{BASE}?organization=acme").json()
    assert body["organization"] == "acme"
    assert body["summary"]["blockers"] >= 1
    scope = next(r for r in body["rules"] if r["id"] == "4.3-scope-approved")
    assert scope["status"] == "fail"
    assert scope["severity"] == "stage1_blocker"
    assert scope["fix"]["url"] == "/o/acme/context/scope/"
    clause = next(c for c in body["clauses"] if c["ref"] == "4.3")
    assert clause["status"] == "not_satisfied"
    assert "4.3-scope-approved" in clause["rules"]


def test_the_rules_filter_by_stage_clause_and_failing(personas: Personas) -> None:
    client = personas.client("viewer")
    stage1 = client.get(f"{BASE}?organization=acme&stage=1").json()["rules"]
    assert stage1
    assert {r["severity"] for r in stage1} == {"stage1_blocker"}
    clause = client.get(f"{BASE}?organization=acme&clause=4").json()["rules"]
    assert clause
    assert all(any(ref.startswith("4.") for ref in r["refs"]) for r in clause)
    failing = client.get(f"{BASE}?organization=acme&failing=true").json()["rules"]
    assert failing
    assert all(r["status"] != "pass" for r in failing)
    assert client.get(f"{BASE}?organization=acme&stage=3").status_code == 422


def test_one_clause_carries_the_results_of_its_subclauses(personas: Personas) -> None:
    body = personas.client("viewer").get(f"{BASE}/clauses/4?organization=acme").json()
    assert body["ref"] == "4"
    assert {r["id"] for r in body["results"]} >= {"4.3-scope-approved", "4.1-issues"}


def test_an_unknown_clause_or_rule_is_404(personas: Personas) -> None:
    client = personas.client("viewer")
    assert client.get(f"{BASE}/clauses/11.9?organization=acme").status_code == 404
    response = client.get(f"{BASE}/rules/no-such-rule?organization=acme")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_only_owners_and_managers_change_the_thresholds(personas: Personas) -> None:
    url = f"{BASE}/settings?organization=acme"
    assert_refused(personas, "PATCH", url, ["anonymous", "outsider", "viewer", "contributor", "auditor"],
                   api=True, data={"acknowledgement_percent": 50})  # fmt: skip
    assert not ReadinessSettings.objects.exists()
    response = _patch(
        personas.client("manager"), url, {"acknowledgement_percent": 90, "audit_cycle_months": 24}
    )
    assert response.status_code == 200
    assert response.json()["acknowledgement_percent"] == 90
    saved = ReadinessSettings.objects.get(organization=personas.org)
    assert (saved.acknowledgement_percent, saved.audit_cycle_months, saved.updated_by) == (
        90,
        24,
        personas.manager,
    )
    event = AuditEvent.objects.get(verb="readiness.settings_changed")
    assert event.after == {"acknowledgement_percent": 90, "audit_cycle_months": 24}
    assert event.before == {"acknowledgement_percent": 80, "audit_cycle_months": 12}


def test_thresholds_out_of_range_or_null_are_refused_and_nothing_is_saved(personas: Personas) -> None:
    client = personas.client("owner")
    url = f"{BASE}/settings?organization=acme"
    assert _patch(client, url, {"acknowledgement_percent": 101}).status_code == 422
    assert _patch(client, url, {"risk_assessment_months": 0}).status_code == 422
    assert _patch(client, url, {"risk_assessment_months": None}).status_code == 422
    assert not ReadinessSettings.objects.exists()
    assert not AuditEvent.objects.filter(verb="readiness.settings_changed").exists()


def test_the_trend_lists_the_snapshots_oldest_first(personas: Personas) -> None:
    from datetime import date

    record_snapshot(organization=personas.org, today=date(2026, 12, 2))
    record_snapshot(organization=personas.org, today=date(2026, 12, 1))
    record_snapshot(organization=personas.other_org, today=date(2026, 12, 1))
    body = personas.client("viewer").get(f"{BASE}/snapshots?organization=acme").json()
    assert [s["taken_on"] for s in body] == ["2026-12-01", "2026-12-02"]
    assert (
        body[0]["blockers"]
        == ReadinessSnapshot.objects.get(organization=personas.org, taken_on="2026-12-01").blockers
    )


def test_the_openapi_lists_the_error_statuses_of_readiness(personas: Personas) -> None:
    spec = personas.client("viewer").get("/api/v1/openapi.json").json()
    operation = spec["paths"]["/api/v1/readiness"]["get"]
    assert {"200", "401", "404", "422"} <= set(operation["responses"])
    patch = spec["paths"]["/api/v1/readiness/settings"]["patch"]
    assert {"200", "401", "403", "404", "422"} <= set(patch["responses"])
