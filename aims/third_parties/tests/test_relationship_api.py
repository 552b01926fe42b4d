from datetime import date

from aims.ai_systems.models import AISystem
from aims.third_parties.models import Relationship
from aims.third_parties.tests.conftest import api
from aims.web.testing import EVERYONE, ROLES, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
NOT_EDITORS = [persona for persona in EVERYONE if persona not in EDITORS]


def test_editors_start_a_relationship_for_a_system(personas, party, system):
    url = f"/api/v1/third-parties/{party.pk}/relationships"
    data = {"subject": "Embeddings API", "ai_system_id": system.pk, "next_review_on": "2031-01-01"}
    assert_refused(personas, "POST", url, NOT_EDITORS, data=data, api=True)
    assert not Relationship.objects.exists()
    response = api(personas.client("contributor"), "POST", url, data)
    assert response.status_code == 201
    body = response.json()
    assert body["ai_system_reference"] == "AIS-1"
    assert body["third_party_name"] == "Lumen Models"
    assert body["role"] == "supplier_to_us"
    assert body["responsibilities"] == []
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)


def test_a_system_of_another_organisation_is_422_like_a_missing_one(personas, party):
    foreign = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="G")
    url = f"/api/v1/third-parties/{party.pk}/relationships"
    for system_id in (foreign.pk, 999_999):
        response = api(personas.client("manager"), "POST", url, {"subject": "x", "ai_system_id": system_id})
        assert response.status_code == 422
        assert "ai_system_id" in response.json()["error"]["fields"]
    assert not Relationship.objects.exists()


def test_get_patch_and_end_one_relationship(personas, relationship):
    url = f"/api/v1/third-parties/relationships/{relationship.pk}"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    assert_refused(personas, "PATCH", url, NOT_EDITORS, data={"notes": "x"}, api=True)
    client = personas.client("manager")
    response = api(client, "PATCH", url, {"ai_system_id": None, "next_review_on": "2029-05-01"})
    assert response.status_code == 200
    assert response.json()["ai_system_id"] is None
    relationship.refresh_from_db()
    assert relationship.next_review_on == date(2029, 5, 1)
    assert api(client, "PATCH", url, {"subject": None}).status_code == 422
    assert api(client, "PATCH", url, {"next_review_on": "2020-01-01"}).status_code == 422
    assert_refused(personas, "POST", url + "/end", NOT_EDITORS, data={}, api=True)
    response = api(client, "POST", url + "/end", {"reason": "Over"})
    assert response.status_code == 200
    assert response.json()["status"] == "ended"
    assert api(client, "POST", url + "/end", {}).status_code == 409
    assert api(client, "PATCH", url, {"notes": "x"}).status_code == 409


def test_the_organisations_relationships_filter_by_system_and_role(personas, relationship, system):
    base = "/api/v1/third-parties/relationships?organization=acme"
    assert_permission_matrix(personas, "GET", base, ROLES, api=True)
    client = personas.client("viewer")
    assert [item["id"] for item in client.get(f"{base}&ai_system_id={system.pk}").json()["items"]] == [
        relationship.pk
    ]
    assert client.get(f"{base}&role=customer_of_ours").json()["items"] == []
    assert len(client.get(f"{base}&q=msa-1").json()["items"]) == 1
    assert client.get(f"{base}&q=nothing-like-it").json()["items"] == []
    assert client.get(f"{base}&status=bogus").status_code == 422


def test_another_organisations_relationship_is_404(personas, foreign_relationship, party):
    client = personas.client("owner")
    url = f"/api/v1/third-parties/relationships/{foreign_relationship.pk}"
    assert client.get(url).status_code == 404
    assert api(client, "PATCH", url, {"notes": "x"}).status_code == 404
    assert api(client, "POST", url + "/end", {}).status_code == 404
    listed = client.get("/api/v1/third-parties/relationships?organization=acme").json()["items"]
    assert foreign_relationship.pk not in [item["id"] for item in listed]
    foreign_relationship.refresh_from_db()
    assert foreign_relationship.is_active
