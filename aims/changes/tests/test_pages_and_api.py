"""The change pages and /api/v1/changes: who may read and write, tenant isolation, query counts."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from aims.changes import actions
from aims.changes.models import PlannedChange
from aims.changes.tests.conftest import plan, post_json
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
EDITORS = ("owner", "manager", "contributor")


def _url(name: str, personas: Personas, **kwargs: Any) -> str:
    return reverse(f"changes:{name}", kwargs={"org": personas.org.slug, **kwargs})


def test_members_read_the_register_and_the_change(personas: Personas, draft: PlannedChange) -> None:
    assert_permission_matrix(personas, "GET", _url("change_list", personas), MEMBERS)
    assert_permission_matrix(personas, "GET", _url("change_detail", personas, pk=draft.pk), MEMBERS)
    assert_permission_matrix(personas, "GET", _url("change_create", personas), EDITORS)


def test_register_shows_only_this_organisation(personas: Personas, draft, foreign) -> None:
    page = personas.client("viewer").get(_url("change_list", personas)).content.decode()
    assert "Retrain the credit model" in page
    assert "Globex secret change" not in page
    url = reverse("changes:change_detail", kwargs={"org": personas.org.slug, "pk": foreign.pk})
    assert personas.client("owner").get(url).status_code == 404


def test_register_query_count_does_not_grow(
    personas: Personas, system, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    for n in range(2):
        actions.plan_change(
            actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan(title=f"C{n}")
        )
    with django_assert_max_num_queries(8):
        client.get(_url("change_list", personas))
    for n in range(8):
        actions.plan_change(
            actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan(title=f"D{n}")
        )
    with django_assert_max_num_queries(8):
        page = client.get(_url("change_list", personas)).content.decode()
    assert page.count("CHG-00") == 10
    assert (
        personas.client("viewer").get(_url("change_list", personas) + "?status=approved").status_code == 200
    )
    assert (
        personas.client("viewer").get(_url("change_list", personas) + "?status=nonsense").status_code == 400
    )


def test_plan_submit_and_approve_through_the_pages(personas: Personas, system, risks) -> None:
    data = {**plan(), "ai_systems": "AIS-001", "requester": ""}
    data["planned_on"] = data["planned_on"].isoformat()
    assert_refused(
        personas, "POST", _url("change_create", personas), ["anonymous", "outsider", "viewer"], data=data
    )
    response = personas.client("contributor").post(_url("change_create", personas), data)
    assert response.status_code == 302
    change = PlannedChange.objects.get()
    assert [s.reference for s in change.ai_systems.all()] == ["AIS-001"]
    assert (
        personas.client("contributor").post(_url("change_submit", personas, pk=change.pk)).status_code == 302
    )
    decide = _url("change_decide", personas, pk=change.pk)
    assert_refused(personas, "POST", decide, ["anonymous", "outsider", "viewer", "contributor"], data={})
    personas.client("manager").post(decide, {"decision": "approve", "note": "ok"})
    change.refresh_from_db()
    assert change.status == "approved"
    page = personas.client("viewer").get(_url("change_detail", personas, pk=change.pk)).content.decode()
    assert "RSK-0001" in page
    assert "approved it" in page


def test_self_approval_on_the_page_shows_the_rule(personas: Personas, system) -> None:
    change = actions.plan_change(actor=personas.manager, organization=personas.org, **plan())
    actions.submit_change(actor=personas.manager, change=change)
    client = personas.client("manager")
    response = client.post(
        _url("change_decide", personas, pk=change.pk), {"decision": "approve"}, follow=True
    )
    assert "another owner or manager must approve" in response.content.decode()


def test_api_reads_and_writes(personas: Personas, system, foreign) -> None:
    url = "/api/v1/changes?organization=acme"
    payload = {**plan(), "ai_systems": ["AIS-001"]}
    payload["planned_on"] = payload["planned_on"].isoformat()
    assert_refused(personas, "POST", url, ["anonymous", "outsider", "viewer"], data=payload, api=True)
    created = post_json(personas.client("contributor"), url, payload)
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["reference"] == "CHG-0001"
    assert body["requester"] == personas.contributor.email
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    one = f"/api/v1/changes/{body['id']}"
    assert_permission_matrix(personas, "GET", one, MEMBERS, api=True)
    assert personas.client("owner").get(f"/api/v1/changes/{foreign.pk}").status_code == 404
    client = personas.client("contributor")
    assert post_json(client, f"{one}/submit", {}).status_code == 200
    refused = post_json(client, f"{one}/approve", {"note": ""})
    assert refused.status_code == 403
    assert post_json(personas.client("manager"), f"{one}/reject", {"reason": ""}).status_code in (400, 422)
    approved = post_json(personas.client("manager"), f"{one}/approve", {"note": "Fine"})
    assert approved.json()["status"] == "approved"


def test_api_list_query_count_does_not_grow(
    personas: Personas, system, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    for n in range(3):
        actions.plan_change(
            actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan(title=f"C{n}")
        )
    with django_assert_max_num_queries(9):
        assert len(client.get("/api/v1/changes?organization=acme").json()["items"]) == 3
    for n in range(7):
        actions.plan_change(
            actor=personas.contributor, organization=personas.org, ai_systems=[system], **plan(title=f"D{n}")
        )
    with django_assert_max_num_queries(9):
        assert len(client.get("/api/v1/changes?organization=acme").json()["items"]) == 10
