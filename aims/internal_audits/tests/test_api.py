from typing import Any

import pytest

from aims.internal_audits.models import AuditProgramme, InternalAudit
from aims.internal_audits.tests.conftest import plan, post_json
from aims.web.testing import EVERYONE, Personas, assert_permission_matrix, assert_refused

pytestmark = pytest.mark.django_db
BASE = "/api/v1/internal-audits"
MEMBERS = tuple(p for p in EVERYONE if p not in ("anonymous", "outsider"))
NOT_WORKERS = ["anonymous", "outsider", "viewer"]


def _new(personas: Personas) -> dict[str, Any]:
    return {
        "title": "Clause 9",
        "scope_items": ["9"],
        "lead_auditor": personas.auditor.email,
        "planned_start": "2026-01-10",
        "planned_end": "2026-01-12",
    }


def test_members_list_their_audits_only(
    personas: Personas, audit: InternalAudit, foreign: InternalAudit
) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    rows = personas.client("viewer").get(url).json()["items"]
    assert [r["reference"] for r in rows] == ["AUD-0001"]
    assert rows[0]["scope_items"] == ["7", "A.6.2.4"]
    assert rows[0]["ai_systems"] == ["AIS-003"]
    assert personas.client("viewer").get(f"{BASE}/{foreign.pk}").status_code == 404


def test_list_query_count_does_not_grow(
    personas: Personas, audit: InternalAudit, django_assert_max_num_queries: Any
) -> None:
    client = personas.client("viewer")
    url = f"{BASE}?organization={personas.org.slug}"
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for n in range(5):
        plan(personas, title=f"A{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(url).json()["items"]) == 6


def test_plan_get_patch(personas: Personas, audit: InternalAudit) -> None:
    url = f"{BASE}?organization={personas.org.slug}"
    assert_refused(personas, "POST", url, NOT_WORKERS, data=_new(personas), api=True)
    response = post_json(personas.client("contributor"), url, _new(personas))
    assert response.status_code == 201, response.json()
    created = response.json()
    assert created["reference"] == "AUD-0002"
    assert created["lead_auditor"] == personas.auditor.email
    bad = post_json(
        personas.client("contributor"),
        url,
        {**_new(personas), "ai_systems": ["AIS-003"], "lead_auditor": personas.contributor.email},
    )
    assert bad.status_code == 422
    assert "Contributor owns AIS-003 Credit scoring and cannot audit it." in str(bad.json())
    patched = post_json(
        personas.client("manager"), f"{BASE}/{created['id']}", {"title": "Clause 9 again"}, "patch"
    )
    assert patched.json()["title"] == "Clause 9 again"
    assert personas.client("viewer").get(f"{BASE}/{created['id']}").json()["title"] == "Clause 9 again"


def test_transitions_checklist_results_nc_and_pdf(personas: Personas, audit: InternalAudit) -> None:
    client = personas.client("auditor")
    assert_refused(personas, "POST", f"{BASE}/{audit.pk}/checklist/generate", NOT_WORKERS, api=True)
    assert post_json(client, f"{BASE}/{audit.pk}/checklist/generate", {}).json() == {"added": 8, "total": 8}
    assert post_json(client, f"{BASE}/{audit.pk}/start", {}).json()["status"] == "in_progress"
    rows = client.get(f"{BASE}/{audit.pk}/checklist?page_size=100").json()["items"]
    assert [r["ref"] for r in rows][-1] == "A.6.2.4"
    for row in rows:
        result = "major" if row["ref"] == "7.5.2" else "conforming"
        done = post_json(
            client, f"{BASE}/{audit.pk}/checklist/{row['id']}/result", {"result": result, "notes": "n"}
        )
        assert done.status_code == 200
        assert done.json()["result"] == result
    item = next(r for r in rows if r["ref"] == "7.5.2")
    url = f"{BASE}/{audit.pk}/checklist/{item['id']}/nonconformity"
    assert_refused(personas, "POST", url, NOT_WORKERS, data={}, api=True)
    raised = post_json(personas.client("manager"), url, {"owner": personas.manager.email})
    assert raised.status_code == 201
    assert raised.json()["grade"] == "major"
    conforming = next(r for r in rows if r["ref"] == "7.1")
    refused = post_json(
        personas.client("manager"), f"{BASE}/{audit.pk}/checklist/{conforming['id']}/nonconformity", {}
    )
    assert refused.status_code in (409, 422, 400)
    reported = post_json(client, f"{BASE}/{audit.pk}/report", {"conclusion": "One major."})
    assert reported.json()["status"] == "reported"
    assert_refused(
        personas, "POST", f"{BASE}/{audit.pk}/close", [*NOT_WORKERS, "auditor", "contributor"], api=True
    )
    assert post_json(personas.client("owner"), f"{BASE}/{audit.pk}/close", {}).json()["status"] == "closed"
    pdf = personas.client("viewer").get(f"{BASE}/{audit.pk}/report.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_programmes_api(personas: Personas, programme: AuditProgramme) -> None:
    url = f"{BASE}/programmes?organization={personas.org.slug}"
    assert_permission_matrix(personas, "GET", url, MEMBERS, api=True)
    assert_permission_matrix(personas, "GET", f"{BASE}/programmes/{programme.pk}", MEMBERS, api=True)
    data = {
        "name": "Next",
        "cycle": "2030",
        "period_start": "2030-01-01",
        "period_end": "2030-12-31",
        "methods": ["sampling"],
    }
    assert_refused(personas, "POST", url, NOT_WORKERS, data=data, api=True)
    assert post_json(personas.client("auditor"), url, data).status_code == 201
    assert post_json(personas.client("auditor"), url, data).status_code == 422  # same cycle
    approve = f"{BASE}/programmes/{programme.pk}/approve"
    assert_refused(personas, "POST", approve, [*NOT_WORKERS, "auditor", "contributor"], api=True)
    assert post_json(personas.client("manager"), approve, {}).json()["status"] == "approved"
    patched = post_json(
        personas.client("auditor"), f"{BASE}/programmes/{programme.pk}", {"scope": "Less"}, "patch"
    )
    assert patched.json()["status"] == "draft"


def test_cancel(personas: Personas, audit: InternalAudit) -> None:
    assert_refused(personas, "POST", f"{BASE}/{audit.pk}/cancel", [*NOT_WORKERS, "auditor"], api=True)
    assert (
        post_json(personas.client("manager"), f"{BASE}/{audit.pk}/cancel", {}).json()["status"] == "cancelled"
    )
