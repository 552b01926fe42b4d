from typing import Any

import pytest

from aims.ai_systems.models import AISystem
from aims.impact_assessments import actions
from aims.impact_assessments.models import ImpactAssessment, ImpactItem
from aims.impact_assessments.tests.conftest import IMPACT, post_json
from aims.risks.models import Risk
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/impact-assessments"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]


def test_members_list_their_organisations_assessments_only(
    personas: Personas, draft: ImpactAssessment, foreign: ImpactAssessment
) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    body = personas.client("viewer").get(url).json()
    assert [row["reference"] for row in body["items"]] == ["IA-0001"]
    assert body["items"][0]["ai_system"] == "AIS-001"


def test_list_filters_by_system_and_state(personas: Personas, approved: ImpactAssessment) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    assert len(client.get(f"{url}&state=approved&ai_system=AIS-001").json()["items"]) == 1
    assert client.get(f"{url}&state=draft").json()["items"] == []
    assert client.get(f"{url}&ai_system=AIS-404").status_code == 422


def test_list_query_count_does_not_grow_with_rows(
    personas: Personas, system: AISystem, django_assert_num_queries: Any
) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    for count in (2, 8):
        for _ in range(count):
            actions.create_assessment(
                actor=personas.contributor, organization=personas.org, ai_system=system, trigger="periodic"
            )
        with django_assert_num_queries(5):
            assert client.get(url).status_code == 200


def test_contributor_creates_an_assessment(personas: Personas, system: AISystem) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    data = {"ai_system": "AIS-001", "trigger": "new_system", "intended_use": "Score loans"}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 201
    assert response.json()["reference"] == "IA-0001"
    assert response.json()["author"] == personas.contributor.email


def test_create_with_an_unknown_system_explains(personas: Personas, system: AISystem) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    response = post_json(personas.client("owner"), url, {"ai_system": "AIS-404", "trigger": "periodic"})
    assert response.status_code == 422
    assert "ai_system" in response.json()["error"]["fields"]


def test_detail_and_patch(personas: Personas, draft: ImpactAssessment, foreign: ImpactAssessment) -> None:
    url = f"{BASE}/{draft.pk}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert personas.client("owner").get(f"{BASE}/{foreign.pk}").status_code == 404
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"conclusion": "x"}, api=True)
    response = post_json(personas.client("manager"), url, {"conclusion": "Acceptable"}, method="patch")
    assert response.status_code == 200
    assert response.json()["conclusion"] == "Acceptable"


def test_items_are_listed_added_changed_and_removed(personas: Personas, draft: ImpactAssessment) -> None:
    url = f"{BASE}/{draft.pk}/items"
    assert_refused(personas, "POST", url, NOT_EDITORS, data=IMPACT, api=True)
    client = personas.client("contributor")
    created = post_json(client, url, IMPACT)
    assert created.status_code == 201
    item_id = created.json()["id"]
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    changed = post_json(client, f"{url}/{item_id}", {"severity": 4}, method="patch")
    assert changed.json()["severity"] == 4
    assert client.delete(f"{url}/{item_id}").status_code == 204
    assert not ImpactItem.objects.exists()


def test_item_with_severity_five_is_refused(personas: Personas, draft: ImpactAssessment) -> None:
    response = post_json(
        personas.client("contributor"), f"{BASE}/{draft.pk}/items", {**IMPACT, "severity": 5}
    )
    assert response.status_code == 422
    assert not ImpactItem.objects.exists()


def test_submit_approve_and_request_changes(personas: Personas, complete: ImpactAssessment) -> None:
    url = f"{BASE}/{complete.pk}"
    assert_refused(personas, "POST", f"{url}/submit", NOT_EDITORS, api=True)
    assert post_json(personas.client("contributor"), f"{url}/submit", {}).json()["state"] == "in_review"
    assert_refused(personas, "POST", f"{url}/approve", [*NOT_EDITORS, "contributor"], api=True)
    sent_back = post_json(personas.client("owner"), f"{url}/request-changes", {"note": "Add privacy"})
    assert sent_back.json()["state"] == "draft"
    post_json(personas.client("contributor"), f"{url}/submit", {})
    approved = post_json(personas.client("manager"), f"{url}/approve", {"note": "Fine"})
    assert approved.status_code == 200
    assert approved.json()["approved_by"] == personas.manager.email


def test_approving_your_own_assessment_answers_409(personas: Personas, in_review: ImpactAssessment) -> None:
    ImpactAssessment.objects.filter(pk=in_review.pk).update(author=personas.manager)
    response = post_json(personas.client("manager"), f"{BASE}/{in_review.pk}/approve", {})
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "You wrote this assessment; someone else must approve it."


def test_changing_an_approved_assessment_answers_409(personas: Personas, approved: ImpactAssessment) -> None:
    response = post_json(
        personas.client("owner"), f"{BASE}/{approved.pk}", {"conclusion": "x"}, method="patch"
    )
    assert response.status_code == 409


def test_raise_risk_creates_or_links_a_risk(personas: Personas, item: ImpactItem) -> None:
    url = f"{BASE}/{item.assessment_id}/items/{item.pk}/raise-risk"
    assert_refused(personas, "POST", url, NOT_EDITORS, data={}, api=True)
    response = post_json(personas.client("contributor"), url, {})
    assert response.status_code == 200
    risk = Risk.objects.get()
    assert response.json()["risk"] == risk.reference
    assert post_json(personas.client("contributor"), url, {}).status_code == 409


def test_raise_risk_with_an_unknown_reference_explains(personas: Personas, item: ImpactItem) -> None:
    url = f"{BASE}/{item.assessment_id}/items/{item.pk}/raise-risk"
    response = post_json(personas.client("contributor"), url, {"risk": "RSK-9999"})
    assert response.status_code == 422
    assert "risk" in response.json()["error"]["fields"]


def test_item_of_another_assessment_is_404(personas: Personas, item: ImpactItem, system: AISystem) -> None:
    other = actions.create_assessment(
        actor=personas.contributor, organization=personas.org, ai_system=system, trigger="periodic"
    )
    response = post_json(
        personas.client("owner"), f"{BASE}/{other.pk}/items/{item.pk}", {"severity": 1}, "patch"
    )
    assert response.status_code == 404
