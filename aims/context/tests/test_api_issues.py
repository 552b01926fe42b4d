from aims.audit.models import AuditEvent
from aims.context.models import ContextIssue
from aims.context.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/context/issues?organization=acme"
DATA = {"kind": "external", "category": "climate_change", "title": "Floods", "is_climate_related": True}


def test_every_member_reads_the_list_and_others_are_refused(personas, issue):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)


def test_the_list_filters_searches_and_never_shows_another_organisations_issues(personas, issue, foreign):
    client = personas.client("viewer")
    body = client.get(URL).json()
    assert [item["reference"] for item in body["items"]] == ["ISS-001"]
    assert body["items"][0]["ai_systems"] == ["AIS-001"]
    assert body["has_next"] is False
    assert client.get(URL + "&category=climate_change").json()["items"] == []
    assert client.get(URL + "&q=ai%20act").json()["items"][0]["id"] == issue.pk
    assert client.get(URL + "&ordering=sideways").status_code == 422


def test_editors_create_and_readers_cannot(personas, chatbot):
    assert_refused(personas, "POST", URL, ("anonymous", "outsider", "viewer", "auditor"), data=DATA, api=True)
    assert not ContextIssue.objects.exists()
    response = post_json(
        personas.client("contributor"), URL, {**DATA, "ai_systems": ["AIS-001"], "owner": "Viewer@acme.test"}
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reference"], body["owner"], body["ai_systems"]) == (
        "ISS-001",
        "viewer@acme.test",
        ["AIS-001"],
    )
    assert AuditEvent.objects.filter(verb="context_issue.created").count() == 1


def test_bad_input_is_422_and_nothing_is_written(personas, foreign):
    client = personas.client("manager")
    for data, field in [
        ({**DATA, "title": ""}, "title"),
        ({**DATA, "category": "gossip"}, "category"),
        ({**DATA, "ai_systems": ["NOPE"]}, "ai_systems"),
        ({**DATA, "owner": "outsider@globex.test"}, "owner"),
    ]:
        response = post_json(client, URL, data)
        assert response.status_code == 422, data
        assert field in response.json()["error"]["fields"]
    assert not ContextIssue.objects.filter(organization=personas.org).exists()


def test_detail_and_patch_follow_the_roles_and_tenancy(personas, issue, foreign):
    url = f"/api/v1/context/issues/{issue.pk}"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    assert_refused(
        personas, "PATCH", url, ("anonymous", "outsider", "viewer", "auditor"), data={"title": "X"}, api=True
    )
    response = post_json(personas.client("contributor"), url, {"title": "Renamed", "ai_systems": []}, "patch")
    assert response.status_code == 200, response.content
    assert response.json()["ai_systems"] == []
    theirs = f"/api/v1/context/issues/{foreign['issue'].pk}"
    assert personas.client("owner").get(theirs).status_code == 404
    assert post_json(personas.client("owner"), theirs, {"title": "X"}, "patch").status_code == 404
