import json
from typing import Any

import pytest
from django.utils import timezone

from aims.monitoring.models import Metric
from aims.monitoring.tests.conftest import measure
from aims.objectives import actions
from aims.objectives.models import Objective
from aims.policies.actions import start_ai_policy
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/objectives"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_EDITORS = ["anonymous", "outsider", "viewer", "auditor"]
NOT_DECIDERS = [*NOT_EDITORS, "contributor"]


def post_json(client: Any, url: str, data: Any, method: str = "post") -> Any:
    return getattr(client, method)(url, data=json.dumps(data), content_type="application/json")


def test_members_list_their_objectives_with_progress(
    personas: Personas, metric: Metric, active: Objective, foreign: Objective
) -> None:
    url = f"{BASE}?organization=acme"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    measure(personas.manager, metric, "1.5")
    rows = personas.client("viewer").get(url).json()["items"]
    assert [r["reference"] for r in rows] == ["OBJ-001"]
    assert rows[0]["progress"] == "met"
    assert rows[0]["metric"] == "MET-001"
    client = personas.client("viewer")
    assert client.get(f"{url}&status=draft").json()["items"] == []
    assert len(client.get(f"{url}&owner=contributor@acme.test").json()["items"]) == 1


def test_list_query_count_does_not_grow_with_rows(
    personas: Personas, metric: Metric, django_assert_max_num_queries: Any
) -> None:
    for n in range(12):
        made = actions.create_objective(
            actor=personas.manager, organization=personas.org, title=f"O{n}", metric=metric,
            owner=personas.owner, target_value=1, due_on=timezone.localdate(),
        )  # fmt: skip
        actions.add_plan_item(actor=personas.manager, objective=made, what="x")
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        response = client.get(f"{BASE}?organization=acme")
    assert len(response.json()["items"]) == 12


def test_create_and_patch_by_editors(personas: Personas, metric: Metric, catalog: None) -> None:
    start_ai_policy(actor=personas.owner, organization=personas.org)
    data = {
        "title": "Fair", "serves_policy": True, "annex_c": ["C.2.5", "C.2.1"], "metric": "MET-001",
        "target_value": "2", "direction": "at_most", "due_on": "2027-01-01", "owner": "manager@acme.test",
    }  # fmt: skip
    url = f"{BASE}?organization=acme"
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    created = post_json(personas.client("contributor"), url, data)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["annex_c"] == ["C.2.1", "C.2.5"]
    assert body["serves_policy"] is True
    assert body["status"] == "draft"
    wrong = post_json(personas.client("contributor"), url, {**data, "annex_c": ["A.6.2.4"]})
    assert wrong.status_code == 422
    patch = post_json(personas.client("contributor"), f"{BASE}/{body['id']}", {"title": "Fairer"}, "patch")
    assert patch.json()["title"] == "Fairer"
    assert_refused(personas, "PATCH", f"{BASE}/{body['id']}", NOT_EDITORS, data={"title": "x"}, api=True)


def test_transitions_activate_outcome_withdraw(
    personas: Personas, objective: Objective, foreign: Objective
) -> None:
    url = f"{BASE}/{objective.pk}"
    assert_refused(personas, "POST", f"{url}/activate", NOT_EDITORS, api=True)
    assert post_json(personas.client("contributor"), f"{url}/activate", {}).json()["status"] == "active"
    assert post_json(personas.client("contributor"), f"{url}/activate", {}).status_code == 409
    outcome = {"achieved": True, "note": "Gap at 1.8 pp"}
    assert_refused(personas, "POST", f"{url}/outcome", NOT_DECIDERS, data=outcome, api=True)
    assert post_json(personas.client("manager"), f"{url}/outcome", outcome).json()["status"] == "achieved"
    assert post_json(personas.client("owner"), f"{url}/withdraw", {"reason": "x"}).status_code == 409
    assert personas.client("owner").get(f"{BASE}/{foreign.pk}").status_code == 404


def test_plan_items_through_the_api(personas: Personas, active: Objective, foreign: Objective) -> None:
    url = f"{BASE}/{active.pk}/plan"
    data = {"what": "Re-weight", "responsible": "auditor@acme.test", "due_on": "2027-01-01"}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    made = post_json(personas.client("contributor"), url, data)
    assert made.status_code == 201
    item = made.json()
    assert item["responsible"] == "auditor@acme.test"
    changed = post_json(personas.client("contributor"), f"{url}/{item['id']}", {"resources": "Two"}, "patch")
    assert changed.json()["resources"] == "Two"
    done = post_json(personas.client("contributor"), f"{url}/{item['id']}/complete", {})
    assert done.json()["is_done"] is True
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert personas.client("owner").post(f"{BASE}/{foreign.pk}/plan", data=json.dumps(data),
                                         content_type="application/json").status_code == 404  # fmt: skip
    assert personas.client("owner").get(f"{url}/999999/complete").status_code in (404, 405)
    assert active.plan_items.count() == 1
