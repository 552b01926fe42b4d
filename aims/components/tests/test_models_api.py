"""/api/v1/models: the model register through the API."""

from aims.audit.models import AuditEvent
from aims.components.models import AIModel
from aims.components.tests.conftest import patch_json, post_json

BODY = {
    "name": "Scorecard",
    "model_type": "classical_ml",
    "version": "3.2",
    "evaluation_results": [
        {"metric": "AUC", "value": 0.81, "dataset": "DS-002"},
        {"metric": "F1", "value": "72%"},
    ],
}


def test_create_a_model_with_links(personas, systems):
    response = post_json(
        personas.client("contributor"),
        "/api/v1/models?organization=acme",
        {**BODY, "ai_systems": [systems.scoring.pk]},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["reference"] == "MOD-001"
    assert body["organization"] == "acme"
    assert body["status"] == "active"
    assert body["ai_systems"] == [
        {"id": systems.scoring.pk, "reference": "AIS-001", "name": "Credit scoring"}
    ]
    assert body["evaluation_results"][1] == {"metric": "F1", "value": "72%", "dataset": ""}
    assert AuditEvent.objects.filter(verb="ai_model.created").count() == 1


def test_bad_input_is_422_and_writes_nothing(personas, systems):
    client = personas.client("contributor")
    for body, field in (
        ({**BODY, "model_type": "magic"}, "model_type"),
        ({**BODY, "name": ""}, "name"),
        ({**BODY, "evaluation_results": [{"value": 1}]}, "evaluation_results.0.metric"),
        ({**BODY, "ai_systems": [systems.foreign.pk]}, "ai_systems"),
        ({**BODY, "ai_systems": [999999]}, "ai_systems"),
    ):
        response = post_json(client, "/api/v1/models?organization=acme", body)
        assert response.status_code == 422, body
        assert field in response.json()["error"]["fields"], response.json()
    assert post_json(client, "/api/v1/models", BODY).status_code == 422
    assert not AIModel.objects.exists()


def test_list_filters_and_sorts(personas, ai_model, systems):
    client = personas.client("viewer")
    post_json(
        personas.client("owner"),
        "/api/v1/models?organization=acme",
        {**BODY, "name": "Another LLM", "model_type": "foundation"},
    )
    body = client.get("/api/v1/models", {"organization": "acme", "sort": "-name", "page_size": 1}).json()
    assert [item["name"] for item in body["items"]] == ["Scorecard GBM"]
    assert body["has_next"] is True
    typed = client.get("/api/v1/models", {"organization": "acme", "model_type": "foundation"}).json()
    assert [item["name"] for item in typed["items"]] == ["Another LLM"]
    linked = client.get("/api/v1/models", {"organization": "acme", "ai_system": systems.scoring.pk}).json()
    assert [item["reference"] for item in linked["items"]] == ["MOD-001"]
    assert client.get("/api/v1/models", {"organization": "acme", "sort": "secret"}).status_code == 422


def test_patch_archive_restore(personas, ai_model):
    client = personas.client("manager")
    patched = patch_json(
        client, f"/api/v1/models/{ai_model.pk}", {"version": "3.3", "known_limitations": "More."}
    )
    assert patched.status_code == 200
    assert (patched.json()["version"], patched.json()["name"]) == ("3.3", "Scorecard GBM")
    assert patch_json(client, f"/api/v1/models/{ai_model.pk}", {"model_type": "magic"}).status_code == 422
    assert post_json(client, f"/api/v1/models/{ai_model.pk}/archive", {}).json()["status"] == "archived"
    conflict = patch_json(client, f"/api/v1/models/{ai_model.pk}", {"version": "4"})
    assert conflict.status_code == 409
    assert conflict.json()["error"]["code"] == "invalid_state"
    assert post_json(client, f"/api/v1/models/{ai_model.pk}/restore", {}).json()["status"] == "active"
    ai_model.refresh_from_db()
    assert ai_model.version == "3.3"


def test_link_and_unlink(personas, ai_model, systems):
    client = personas.client("contributor")
    url = f"/api/v1/models/{ai_model.pk}/ai-systems"
    linked = post_json(client, url, {"ai_system": systems.chatbot.pk})
    assert [system["reference"] for system in linked.json()["ai_systems"]] == ["AIS-001", "AIS-002"]
    assert post_json(client, url, {"ai_system": systems.chatbot.pk}).status_code == 409
    unlinked = client.delete(f"{url}/{systems.scoring.pk}")
    assert [system["reference"] for system in unlinked.json()["ai_systems"]] == ["AIS-002"]
    assert client.delete(f"{url}/{systems.scoring.pk}").status_code == 409
    assert client.delete(f"{url}/{systems.foreign.pk}").status_code == 404
