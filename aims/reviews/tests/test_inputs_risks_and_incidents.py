"""The risks and incidents inputs: figures and rows asserted against seeded records, in a fixed number of
queries whatever the number of records."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents.models import Incident
from aims.organizations.models import Organization
from aims.reviews.inputs import compile_inputs, incidents, risks
from aims.reviews.registry import Period
from aims.reviews.tests.conftest import days
from aims.risks.actions import ensure_default_criteria
from aims.risks.models import Risk, TreatmentAction
from aims.web.testing import Personas

PERIOD = Period(start=days(-90), end=days(0))
LONG_AGO = timezone.now() - timedelta(days=400)


def make_risk(organization: Organization, number: int, **fields: Any) -> Risk:
    values: dict[str, Any] = {"title": f"Risk {number}", "status": Risk.Status.ASSESSED}
    values.update(fields)
    return Risk.objects.create(
        organization=organization, number=number, reference=f"RSK-{number:04d}", **values
    )


def figures(section: Any) -> dict[str, Any]:
    return dict(section.figures)


def seed_risks(personas: Personas) -> dict[str, Risk]:
    org = personas.org
    ensure_default_criteria(org)  # levels low 1, medium 2, high 3, critical 4
    system = AISystem.objects.create(organization=org, reference="AIS-001", name="Scorer", purpose="Score")
    high = make_risk(org, 1, level_rank=3, level_label="High", ai_system=system, owner=personas.manager)
    treated = make_risk(
        org, 2, status=Risk.Status.TREATED, level_rank=4, level_label="Critical",
        residual_level_rank=2, residual_level_label="Medium", created_at=LONG_AGO,
    )  # fmt: skip
    accepted = make_risk(
        org, 3, status=Risk.Status.ACCEPTED, level_rank=2, level_label="Medium",
        residual_level_rank=1, residual_level_label="Low", accepted_at=timezone.now(), created_at=LONG_AGO,
    )  # fmt: skip
    unrated = make_risk(org, 4, status=Risk.Status.IDENTIFIED, next_review_on=days(-1))
    make_risk(org, 5, status=Risk.Status.CLOSED, level_rank=4, level_label="Critical")
    TreatmentAction.objects.create(risk=treated, title="Late", due_on=days(-3))
    TreatmentAction.objects.create(risk=treated, title="Not yet due", due_on=days(3))
    TreatmentAction.objects.create(risk=high, title="Done", due_on=days(-3), status="done")
    make_risk(personas.other_org, 1, level_rank=4, level_label="Critical")
    return {"high": high, "treated": treated, "accepted": accepted, "unrated": unrated}


def test_risks_input_counts_open_risks_by_current_level(personas: Personas) -> None:
    seeded = seed_risks(personas)
    section = risks.section(personas.org, PERIOD)
    got = figures(section)
    assert got["Open risks and opportunities"] == 4
    assert got["Open at level High"] == 1
    assert got["Open at level Medium"] == 1  # the treated one, by its residual level
    assert got["Open at level Low"] == 1  # the accepted one, by its residual level
    assert got["Open at level Critical"] == 0  # only the closed one and Globex's are critical
    assert got["Open, not yet rated"] == 1
    assert got["New in the period"] == 3  # RSK-0001, RSK-0004, and RSK-0005 (closed since)
    assert got["Accepted (current)"] == 1
    assert got["Accepted in the period"] == 1
    assert got["Due for review"] == 1 == Risk.objects.filter(organization=personas.org).due().count()
    assert got["Treatment actions overdue"] == 1
    assert [row.reference for row in section.rows] == ["RSK-0001", "RSK-0002", "RSK-0003", "RSK-0004"]
    first = section.rows[0]
    assert first.note.startswith("High (inherent); AIS-001")
    assert first.url.endswith(f"/risks/{seeded['high'].pk}/")
    assert section.rows[1].note.startswith("Medium (residual)")


def test_risks_input_shows_the_twenty_highest_open_risks(personas: Personas) -> None:
    for n in range(1, 26):  # ranks 2, 3, 4, 1, 2, ...; every third treated down to rank 1
        rank = 1 + n % 4
        treated = {"residual_level_rank": 1, "residual_level_label": "L1"} if n % 3 == 0 else {}
        make_risk(personas.org, n, level_rank=rank, level_label=f"L{rank}", **treated)
    rows = risks.section(personas.org, PERIOD).rows
    current = {
        r.reference: (r.residual_level_rank or r.level_rank, r.number)
        for r in Risk.objects.filter(organization=personas.org)
    }
    expected = sorted(current, key=lambda ref: (-current[ref][0], -current[ref][1]))[:20]
    assert [row.reference for row in rows] == expected


def test_the_due_count_matches_the_risk_register(personas: Personas) -> None:
    system = AISystem.objects.create(organization=personas.org, reference="AIS-9", name="S", purpose="P")
    before = timezone.now() - timedelta(days=5)
    make_risk(personas.org, 1, ai_system=system, assessed_at=before)  # its system changed since: due
    make_risk(personas.org, 2, ai_system=system, assessed_at=timezone.now() + timedelta(days=1))
    make_risk(personas.org, 3, status="accepted", acceptance_expires_on=days(-1))  # lapsed: due
    make_risk(personas.org, 4, next_review_on=days(-1), status="closed")  # closed: not due
    AISystem.objects.filter(pk=system.pk).update(updated_at=timezone.now())
    got = dict(risks.section(personas.org, PERIOD).figures)["Due for review"]
    assert got == 2 == Risk.objects.filter(organization=personas.org).due().count()


def _compile_queries(organization: Organization) -> int:
    with CaptureQueriesContext(connection) as captured:
        compile_inputs(organization, PERIOD)
    return len(captured)


def test_compiling_takes_as_many_queries_for_50_risks_as_for_5(personas: Personas) -> None:
    system = AISystem.objects.create(organization=personas.org, reference="AIS-1", name="S", purpose="P")
    for n in range(1, 6):
        risk = make_risk(personas.org, n, level_rank=2, level_label="Medium", ai_system=system)
        TreatmentAction.objects.create(risk=risk, title="Late", due_on=days(-3))
    few = _compile_queries(personas.org)
    for n in range(6, 51):
        risk = make_risk(personas.org, n, level_rank=1 + n % 4, level_label=f"L{n % 4}", ai_system=system)
        TreatmentAction.objects.create(risk=risk, title="Late", due_on=days(-3))
    assert _compile_queries(personas.org) == few


def make_incident(organization: Organization, number: int, **fields: Any) -> Incident:
    aware = fields.pop("aware", timezone.now() - timedelta(days=10))
    values: dict[str, Any] = {
        "title": f"Incident {number}", "what_happened": "x", "severity": "medium",
        "detected_on": timezone.localdate(aware), "became_aware_at": aware,
    }  # fmt: skip
    values.update(fields)
    return Incident.objects.create(
        organization=organization, number=number, reference=f"INC-{number:04d}", **values
    )


def test_incidents_input_counts_by_severity_and_reporting(personas: Personas) -> None:
    org, now = personas.org, timezone.now()
    make_incident(
        org,
        1,
        severity="critical",
        is_serious=True,
        serious_kind="general",
        status="closed",
        reported_to_authority_at=now - timedelta(days=5),
    )  # reported 5 days after becoming aware: in time (15)
    make_incident(
        org,
        2,
        severity="high",
        is_serious=True,
        serious_kind="widespread_or_critical_infrastructure",
        reported_to_authority_at=now - timedelta(days=2),
        status="resolved",
    )  # reported 8 days after: late (2)
    make_incident(
        org, 3, severity="high", is_serious=True, serious_kind="death", status="contained",
        aware=now - timedelta(days=5),
    )  # fmt: skip
    make_incident(org, 4, severity="low")
    make_incident(org, 5, severity="low", aware=now - timedelta(days=200), status="open")  # before the period
    make_incident(personas.other_org, 1, severity="critical")
    section = incidents.section(org, PERIOD)
    got = figures(section)
    assert got["Incidents in the period"] == 4
    assert (got["Critical severity"], got["High severity"], got["Medium severity"], got["Low severity"]) == (
        1, 2, 0, 1,
    )  # fmt: skip
    assert got["Serious incidents in the period"] == 3
    assert got["Reported to the authority in time"] == 1
    assert got["Reported late"] == 1
    assert got["Serious, report overdue now"] == 0  # INC-0003: aware 5 days ago, 10 days allowed
    assert got["Open or contained now"] == 3
    refs = [row.reference for row in section.rows]
    assert refs == ["INC-0001", "INC-0003", "INC-0002", "INC-0005", "INC-0004"]
    notes = {row.reference: row.note for row in section.rows}
    assert "reported in time" in notes["INC-0001"]
    assert "reported late" in notes["INC-0002"]


def test_incidents_input_counts_a_serious_incident_whose_report_is_overdue(personas: Personas) -> None:
    make_incident(
        personas.org, 1, severity="high", is_serious=True, serious_kind="general",
        aware=timezone.now() - timedelta(days=20),
    )  # fmt: skip
    section = incidents.section(personas.org, PERIOD)
    assert figures(section)["Serious, report overdue now"] == 1
    assert "REPORT OVERDUE" in section.rows[0].note
