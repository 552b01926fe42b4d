from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.ai_systems.models import AISystem
from aims.audit.models import AuditEvent
from aims.incidents.models import Incident
from aims.readiness.actions import record_snapshot
from aims.readiness.models import ReadinessSettings
from aims.web.testing import ROLES, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.usefixtures("catalog")


def _system(personas: Personas, number: int, **fields: object) -> AISystem:
    return AISystem.objects.create(
        organization=personas.org, reference=f"AIS-{number:04d}", name=f"System {number}", purpose="Triage",
        **fields,
    )  # fmt: skip


def test_the_readiness_page_and_report_are_for_members_only(personas: Personas) -> None:
    assert_permission_matrix(personas, "GET", "/o/acme/readiness/", ROLES)
    assert_permission_matrix(personas, "GET", "/o/acme/readiness/report.pdf", ROLES)
    assert_permission_matrix(personas, "GET", "/o/acme/readiness/settings/", ROLES)


def test_the_readiness_page_lists_each_failing_rule_with_its_records_and_fix(personas: Personas) -> None:
    system = _system(personas, 1)
    page = personas.client("viewer").get("/o/acme/readiness/").content.decode()
    assert "An approved scope is in force" in page
    assert 'href="/o/acme/context/scope/"' in page
    assert "Stage 1 blocker" in page
    assert f'href="/o/acme/systems/{system.pk}/"' in page


def test_the_readiness_page_filters_by_stage_clause_and_status(personas: Personas) -> None:
    client = personas.client("viewer")
    stage1 = client.get("/o/acme/readiness/?stage=1&status=failing").content.decode()
    assert "An approved scope is in force" in stage1
    assert "past the review date" not in stage1
    everything = client.get("/o/acme/readiness/?status=all").content.decode()
    assert "The AI system inventory the AIMS runs on is in place." not in everything
    clause = client.get("/o/acme/readiness/?clause=4.3").content.decode()
    assert "An approved scope is in force" in clause
    assert "Interested parties and their requirements are recorded" not in clause


def test_the_systems_an_auditor_would_sample_come_weakest_first(personas: Personas) -> None:
    owned = _system(personas, 1, owner=personas.manager, risk_class="minimal")
    bare = _system(personas, 2)
    page = personas.client("viewer").get("/o/acme/readiness/").content.decode()
    page = page[page.index("AI systems an auditor is likely to sample") :]
    assert page.index(f"{bare.reference} {bare.name}") < page.index(f"{owned.reference} {owned.name}")


def test_the_readiness_report_is_a_pdf_naming_the_blockers(personas: Personas) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    response = personas.client("viewer").get("/o/acme/readiness/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert "Certification readiness" in text
    assert "An approved scope is in force" in text


def test_only_owners_and_managers_save_the_thresholds(personas: Personas) -> None:
    data = {"acknowledgement_percent": 75, "risk_assessment_months": 6, "impact_assessment_months": 12,
            "management_review_months": 12, "audit_cycle_months": 12, "due_soon_days": 14}  # fmt: skip
    assert_refused(personas, "POST", "/o/acme/readiness/settings/", ["anonymous", "outsider", "viewer",
                   "contributor", "auditor"], data=data)  # fmt: skip
    assert not ReadinessSettings.objects.exists()
    response = personas.client("manager").post("/o/acme/readiness/settings/", data)
    assert response.status_code == 302
    assert ReadinessSettings.objects.get().risk_assessment_months == 6
    assert AuditEvent.objects.filter(verb="readiness.settings_changed").count() == 1


def test_a_threshold_out_of_range_is_shown_and_not_saved(personas: Personas) -> None:
    data = {"acknowledgement_percent": 150, "risk_assessment_months": 6, "impact_assessment_months": 12,
            "management_review_months": 12, "audit_cycle_months": 12, "due_soon_days": 14}  # fmt: skip
    response = personas.client("owner").post("/o/acme/readiness/settings/", data)
    assert response.status_code == 422
    assert "less than or equal to 100" in response.content.decode()
    assert not ReadinessSettings.objects.exists()


def test_a_new_organisation_sees_its_first_steps_not_charts(personas: Personas) -> None:
    page = personas.client("viewer").get("/o/acme/").content.decode()
    assert "First steps" in page
    assert "Draft and approve the scope of the AIMS" in page
    assert 'data-chart="clause-chart"' not in page


def test_the_cockpit_shows_readiness_blockers_and_open_incidents(personas: Personas) -> None:
    _system(personas, 1, owner=personas.manager)
    Incident.objects.create(organization=personas.org, reference="INC-0001", number=1, title="Wrong refusal",
                            what_happened="x", detected_on=date(2026, 11, 30),
                            became_aware_at=datetime(2026, 11, 30, 9, tzinfo=UTC))  # fmt: skip
    page = personas.client("viewer").get("/o/acme/").content.decode()
    assert "First steps" not in page
    assert 'data-chart="clause-chart"' in page
    assert "Stage 1 blockers" in page
    assert "An approved scope is in force" in page
    assert "INC-0001 Wrong refusal" in page


def test_the_cockpit_says_what_is_overdue(personas: Personas) -> None:
    from aims.risks.models import Risk

    _system(personas, 1)
    Risk.objects.create(organization=personas.org, number=1, reference="RSK-0001", title="Drift",
                        next_review_on=date(2020, 1, 1))  # fmt: skip
    page = personas.client("viewer").get("/o/acme/").content.decode()
    assert "RSK-0001 Drift" in page
    assert "overdue since 1 Jan 2020" in page


def test_the_cockpit_draws_the_trend_from_the_snapshots(personas: Personas) -> None:
    _system(personas, 1)
    record_snapshot(organization=personas.org, today=date(2026, 12, 1))
    record_snapshot(organization=personas.org, today=date(2026, 12, 2))
    page = personas.client("viewer").get("/o/acme/").content.decode()
    assert 'data-chart="trend-chart"' in page
    assert "2026-12-01" in page


def test_the_cockpit_reads_in_a_number_of_queries_that_does_not_grow(personas: Personas) -> None:
    client = personas.client("manager")
    _system(personas, 1)
    client.get("/o/acme/")
    with CaptureQueriesContext(connection) as few:
        client.get("/o/acme/")
    for number in range(2, 12):
        _system(personas, number)
    client.get("/o/acme/")  # readiness is computed again once, after the change
    with CaptureQueriesContext(connection) as many:
        client.get("/o/acme/")
    assert len(many) == len(few)


def test_a_clause_page_shows_its_rules_results_and_fix_links(personas: Personas) -> None:
    assert_permission_matrix(personas, "GET", "/o/acme/clauses/4/", ROLES)
    page = personas.client("viewer").get("/o/acme/clauses/4/").content.decode()
    assert "An approved scope is in force" in page
    assert 'href="/o/acme/context/scope/"' in page
    assert "The records that satisfy each requirement appear here" not in page
