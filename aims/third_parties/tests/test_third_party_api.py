from aims.audit.models import AuditEvent
from aims.third_parties import actions
from aims.third_parties.models import ThirdParty
from aims.third_parties.tests.conftest import api
from aims.web.testing import EVERYONE, ROLES, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]
LIST = "/api/v1/third-parties?organization=acme"


def test_the_list_is_for_members_and_follows_the_page_convention(personas, party):
    assert_permission_matrix(personas, "GET", LIST, ROLES, api=True)
    actions.create_third_party(
        actor=personas.manager, organization=personas.org, reference="C-1", name="Bank", kind="customer"
    )
    body = personas.client("viewer").get(LIST + "&page_size=1&sort=-name").json()
    assert body["page"] == 1
    assert body["page_size"] == 1
    assert body["has_next"] is True
    assert [item["name"] for item in body["items"]] == ["Lumen Models"]
    body = personas.client("viewer").get(LIST + "&kind=customer").json()
    assert [item["reference"] for item in body["items"]] == ["C-1"]


def test_the_list_refuses_unknown_filters_and_sort_keys(personas):
    client = personas.client("viewer")
    for query in ("&sort=password", "&kind=friend", "&category=astrology", "&review=someday"):
        response = client.get(LIST + query)
        assert response.status_code == 422, query
        assert response.json()["error"]["code"] == "invalid"


def test_editors_add_a_third_party(personas):
    data = {"reference": "SUP-7", "name": "Stratus", "categories": ["cloud"], "kind": "both"}
    assert_refused(personas, "POST", LIST, NOT_EDITORS, data=data, api=True)
    assert not ThirdParty.objects.exists()
    response = api(personas.client("contributor"), "POST", LIST, data)
    assert response.status_code == 201
    body = response.json()
    assert body["categories"] == ["cloud"]
    assert body["kind"] == "both"
    assert body["status"] == "active"
    assert AuditEvent.objects.filter(verb="third_party.created").count() == 1


def test_bad_input_is_422_and_nothing_is_written(personas, party):
    client = personas.client("manager")
    response = api(client, "POST", LIST, {"reference": "", "name": "x", "categories": ["astrology"]})
    assert response.status_code == 422
    assert set(response.json()["error"]["fields"]) >= {"reference", "categories.0"}
    response = api(client, "POST", LIST, {"reference": "SUP-1", "name": "Again"})
    assert response.status_code == 422
    assert "reference" in response.json()["error"]["fields"]
    response = api(client, "POST", LIST, {"reference": "SUP-8", "name": "x", "status": "archived"})
    assert response.status_code == 422
    assert ThirdParty.objects.count() == 1


def test_get_and_patch_one_third_party(personas, party):
    url = f"/api/v1/third-parties/{party.pk}"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"name": "Hacked"}, api=True)
    response = api(personas.client("manager"), "PATCH", url, {"country": "France", "categories": ["cloud"]})
    assert response.status_code == 200
    assert response.json()["country"] == "France"
    assert response.json()["name"] == "Lumen Models"
    event = AuditEvent.objects.get(verb="third_party.updated")
    assert event.after == {"country": "France", "categories": ["cloud"]}


def test_a_patch_cannot_null_a_field(personas, party):
    response = api(personas.client("manager"), "PATCH", f"/api/v1/third-parties/{party.pk}", {"name": None})
    assert response.status_code == 422
    party.refresh_from_db()
    assert party.name == "Lumen Models"


def test_archive_by_api(personas, relationship):
    url = f"/api/v1/third-parties/{relationship.third_party_id}/archive"
    assert_refused(personas, "POST", url, NOT_EDITORS, data={"reason": "x"}, api=True)
    response = api(personas.client("manager"), "POST", url, {"reason": "x"})
    assert response.status_code == 409
    assert "active relationship" in response.json()["error"]["message"]
    actions.end_relationship(actor=personas.manager, relationship=relationship)
    response = api(personas.client("manager"), "POST", url, {"reason": "Replaced"})
    assert response.status_code == 200
    assert response.json()["status"] == "archived"


def test_another_organisations_third_party_is_404_for_every_method(personas, foreign_party):
    client = personas.client("owner")
    url = f"/api/v1/third-parties/{foreign_party.pk}"
    assert client.get(url).status_code == 404
    assert api(client, "PATCH", url, {"name": "Mine"}).status_code == 404
    assert api(client, "POST", url + "/archive", {}).status_code == 404
    assert client.get(url + "/relationships").status_code == 404
    assert client.get(url + "/due-diligence").status_code == 404
    foreign_party.refresh_from_db()
    assert foreign_party.name == "Globex Secret Supplier"
