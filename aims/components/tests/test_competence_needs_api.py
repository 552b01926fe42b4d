"""/api/v1/competence-needs: competences each AI system needs and who holds them (A.4.6)."""

from aims.components.models import CompetenceNeed
from aims.components.tests.conftest import patch_json, post_json


def test_create_update_and_delete_a_need(personas, systems):
    client = personas.client("manager")
    created = post_json(
        client,
        "/api/v1/competence-needs",
        {
            "ai_system": systems.scoring.pk,
            "competence": "Fair lending",
            "area": "legal",
            "holders": ["Viewer@acme.test"],
        },
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["ai_system_reference"], body["organization"]) == ("AIS-001", "acme")
    assert [holder["email"] for holder in body["holders"]] == ["viewer@acme.test"]
    url = f"/api/v1/competence-needs/{body['id']}"
    kept = patch_json(client, url, {"description": "Reviews adverse-action notices."})
    assert [holder["email"] for holder in kept.json()["holders"]] == ["viewer@acme.test"]
    cleared = patch_json(client, url, {"holders": []})
    assert cleared.json()["holders"] == []
    assert client.delete(url).status_code == 204
    assert not CompetenceNeed.objects.exists()


def test_holders_must_be_members_and_areas_known(personas, systems):
    client = personas.client("manager")
    base = {"ai_system": systems.scoring.pk, "competence": "X", "area": "legal"}
    outsider = post_json(client, "/api/v1/competence-needs", {**base, "holders": ["outsider@globex.test"]})
    assert outsider.status_code == 422
    assert "holders" in outsider.json()["error"]["fields"]
    assert post_json(client, "/api/v1/competence-needs", {**base, "area": "astrology"}).status_code == 422
    assert not CompetenceNeed.objects.exists()


def test_list_filters_gaps_and_systems(personas, systems, need):
    CompetenceNeed.objects.create(
        organization=personas.org, ai_system=systems.chatbot, competence="Privacy", area="privacy"
    )
    client = personas.client("viewer")
    gaps = client.get("/api/v1/competence-needs", {"organization": "acme", "unfilled": "true"}).json()
    assert [item["competence"] for item in gaps["items"]] == ["Privacy"]
    of_system = client.get(
        "/api/v1/competence-needs", {"organization": "acme", "ai_system": systems.scoring.pk}
    ).json()
    assert [item["competence"] for item in of_system["items"]] == ["Credit-risk modelling"]
    area = client.get("/api/v1/competence-needs", {"organization": "acme", "area": "privacy"}).json()
    assert [item["competence"] for item in area["items"]] == ["Privacy"]
