"""/api/v1/resources: tooling and computing resources through the API."""

from aims.components.models import Resource
from aims.components.tests.conftest import patch_json, post_json


def test_create_filter_and_change_a_resource(personas, systems):
    client = personas.client("contributor")
    created = post_json(
        client,
        "/api/v1/resources?organization=acme",
        {
            "name": "Edge box",
            "kind": "computing",
            "location": "edge",
            "energy_notes": "15 W",
            "ai_systems": [systems.chatbot.pk],
        },
    )
    assert created.status_code == 201
    assert (created.json()["reference"], created.json()["location"]) == ("RES-001", "edge")
    post_json(client, "/api/v1/resources?organization=acme", {"name": "Notebook server", "kind": "tooling"})
    edge = client.get("/api/v1/resources", {"organization": "acme", "location": "edge"}).json()
    assert [item["name"] for item in edge["items"]] == ["Edge box"]
    tooling = client.get("/api/v1/resources", {"organization": "acme", "kind": "tooling"}).json()
    assert [item["name"] for item in tooling["items"]] == ["Notebook server"]
    patched = patch_json(client, f"/api/v1/resources/{created.json()['id']}", {"location": "cloud"})
    assert patched.json()["location"] == "cloud"


def test_bad_resources_are_422(personas):
    client = personas.client("contributor")
    assert (
        post_json(client, "/api/v1/resources?organization=acme", {"name": "X", "kind": "magic"}).status_code
        == 422
    )
    assert post_json(client, "/api/v1/resources?organization=acme", {"kind": "tooling"}).status_code == 422
    assert (
        post_json(
            client, "/api/v1/resources?organization=nowhere", {"name": "X", "kind": "tooling"}
        ).status_code
        == 404
    )
    assert not Resource.objects.exists()
