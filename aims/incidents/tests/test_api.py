from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.incidents import actions
from aims.incidents.models import Incident
from aims.incidents.tests.conftest import facts, post_json
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/incidents"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]


def _new(system: AISystem) -> dict[str, Any]:
    return {
        "ai_systems": [system.reference],
        "title": "Wrong refund amounts",
        "what_happened": "The chatbot quoted refunds at twice their value.",
        "severity": "high",
        "detected_on": timezone.localdate().isoformat(),
        "became_aware_at": (timezone.now() - timedelta(hours=2)).isoformat(),
    }


def test_members_list_their_organisations_incidents_only(
    personas: Personas, serious: Incident, foreign: Incident
) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    rows = personas.client("viewer").get(url).json()["items"]
    assert [row["reference"] for row in rows] == ["INC-0001"]
    assert rows[0]["ai_systems"] == ["AIS-001"]
    assert rows[0]["deadline"] is not None
    assert rows[0]["is_overdue"] is False


def test_list_filters_by_serious_overdue_and_system(personas: Personas, serious: Incident) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    assert len(client.get(f"{url}&serious=true&ai_system=AIS-001").json()["items"]) == 1
    assert client.get(f"{url}&serious=false").json()["items"] == []
    assert client.get(f"{url}&overdue=true").json()["items"] == []
    Incident.objects.filter(pk=serious.pk).update(became_aware_at=timezone.now() - timedelta(days=20))
    assert len(client.get(f"{url}&overdue=true").json()["items"]) == 1
    assert client.get(f"{url}&ai_system=AIS-404").status_code == 422


def test_list_query_count_does_not_grow_with_rows(
    personas: Personas, system: AISystem, django_assert_num_queries: Any
) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    for count in (2, 8):
        for _ in range(count):
            actions.record_incident(
                actor=personas.contributor, organization=personas.org, ai_systems=[system], **facts()
            )
        with django_assert_num_queries(6):
            assert client.get(url).status_code == 200


def test_contributor_records_an_incident(personas: Personas, system: AISystem) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    data = {**_new(system), "owner": personas.manager.email}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 201
    assert response.json()["reference"] == "INC-0001"
    assert response.json()["owner"] == personas.manager.email


def test_create_with_an_unknown_system_or_owner_explains(personas: Personas, system: AISystem) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    data = {**_new(system), "ai_systems": ["AIS-404"]}
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 422
    assert "ai_systems" in response.json()["error"]["fields"]
    response = post_json(
        personas.client("contributor"), url, {**_new(system), "owner": personas.outsider.email}
    )
    assert "owner" in response.json()["error"]["fields"]
    assert not Incident.objects.exists()


def test_detail_and_patch(personas: Personas, incident: Incident, foreign: Incident) -> None:
    url = f"{BASE}/{incident.pk}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert personas.client("owner").get(f"{BASE}/{foreign.pk}").status_code == 404
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"harm": "x"}, api=True)
    response = post_json(personas.client("contributor"), url, {"containment": "Paused."}, method="patch")
    assert response.status_code == 200
    assert response.json()["containment"] == "Paused."


def test_seriousness_report_and_status_transitions(personas: Personas, incident: Incident) -> None:
    url = f"{BASE}/{incident.pk}"
    assess = {"is_serious": True, "serious_kind": "widespread_or_critical_infrastructure"}
    assert_refused(personas, "POST", f"{url}/seriousness", NOT_DECIDERS, data=assess, api=True)
    body = post_json(personas.client("manager"), f"{url}/seriousness", assess).json()
    aware = Incident.objects.get(pk=incident.pk).became_aware_at
    assert body["deadline"].startswith((aware + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"))
    report = {"reported_at": timezone.now().isoformat(), "authority": "National MSA"}
    assert_refused(personas, "POST", f"{url}/report", NOT_DECIDERS, data=report, api=True)
    assert post_json(personas.client("owner"), f"{url}/report", report).json()["authority"] == "National MSA"
    assert_refused(personas, "POST", f"{url}/status", NOT_EDITORS, data={"status": "contained"}, api=True)
    response = post_json(personas.client("contributor"), f"{url}/status", {"status": "contained"})
    assert response.json()["status"] == "contained"
    response = post_json(personas.client("contributor"), f"{url}/status", {"status": "closed"})
    assert response.status_code == 403


def test_communications_are_logged_and_listed(personas: Personas, incident: Incident) -> None:
    url = f"{BASE}/{incident.pk}/communications"
    data = {"sent_at": timezone.now().isoformat(), "audience": "authority", "message": "Initial report sent."}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 201
    assert response.json()["told_by"] == personas.contributor.email
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert [row["message"] for row in personas.client("viewer").get(url).json()["items"]] == [
        "Initial report sent."
    ]
