"""/api/v1/risks: list, create, read and change risks; roles and tenancy."""

from aims.audit.models import AuditEvent
from aims.risks.models import Risk
from aims.risks.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/risks?organization=acme"
WRITERS_REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def test_every_member_reads_the_list_and_never_another_organisations_risks(personas, treated, foreign):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    body = personas.client("viewer").get(URL).json()
    assert [item["reference"] for item in body["items"]] == ["RSK-0001"]
    item = body["items"][0]
    assert (item["ai_system"], item["owner"], item["controls"]) == (
        "AIS-001",
        "manager@acme.test",
        ["ORG-001"],
    )
    assert item["inherent"] == {
        "likelihood": 4,
        "consequence": 4,
        "level": "high",
        "level_label": "High",
        "criteria_version": 1,
    }
    assert item["residual"]["level"] == "medium"


def test_the_list_filters(personas, treated, catalog):
    client = personas.client("viewer")
    assert len(client.get(URL + "&level=high").json()["items"]) == 1
    assert client.get(URL + "&level=low").json()["items"] == []
    assert client.get(URL + "&ai_system=-").json()["items"] == []
    assert len(client.get(URL + "&owner=manager@acme.test&status=treated").json()["items"]) == 1
    assert client.get(URL + "&source=C.3.1").json()["items"] == []
    assert len(client.get(URL + "&likelihood=2&consequence=4&residual=true").json()["items"]) == 1
    assert client.get(URL + "&ordering=sideways").status_code == 422
    assert client.get(URL + "&ai_system=NOPE").status_code == 422


def test_editors_create_with_annex_c_refs_and_readers_cannot(personas, system, catalog):
    data = {
        "title": "Drift",
        "ai_system": "AIS-001",
        "risk_source": "C.3.4",
        "objectives": ["C.2.8"],
        "owner": "Contributor@acme.test",
    }
    assert_refused(personas, "POST", URL, WRITERS_REFUSED, data=data, api=True)
    assert not Risk.objects.exists()
    response = post_json(personas.client("contributor"), URL, data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reference"], body["risk_source"], body["objectives"], body["status"]) == (
        "RSK-0001",
        "C.3.4",
        ["C.2.8"],
        "identified",
    )
    assert AuditEvent.objects.filter(verb="risk.identified").count() == 1


def test_bad_input_is_422_and_nothing_is_written(personas, catalog):
    client = personas.client("manager")
    for data, field in [
        ({"title": ""}, "title"),
        ({"title": "X", "ai_system": "NOPE"}, "ai_system"),
        ({"title": "X", "risk_source": "A.6.2.4"}, "risk_source"),
        ({"title": "X", "objectives": ["C.3.1"]}, "objectives"),
        ({"title": "X", "owner": "outsider@globex.test"}, "owner"),
    ]:
        response = post_json(client, URL, data)
        assert response.status_code == 422, data
        assert field in response.json()["error"]["fields"]
    assert not Risk.objects.exists()


def test_detail_and_patch_follow_roles_and_tenancy(personas, risk, foreign):
    url = f"/api/v1/risks/{risk.pk}"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    assert_refused(personas, "PATCH", url, WRITERS_REFUSED, data={"title": "X"}, api=True)
    response = post_json(
        personas.client("contributor"), url, {"title": "Renamed", "ai_system": None}, "patch"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["title"], response.json()["ai_system"]) == ("Renamed", None)
    theirs = f"/api/v1/risks/{foreign.pk}"
    assert personas.client("owner").get(theirs).status_code == 404
    assert post_json(personas.client("owner"), theirs, {"title": "X"}, "patch").status_code == 404
