"""/api/v1/datasets and /api/v1/datasets/{id}/provenance."""

from aims.components.models import Dataset, ProvenanceEvent
from aims.components.tests.conftest import patch_json, post_json

BODY = {
    "name": "CV archive",
    "category": "training",
    "acquisition_method": "internal",
    "contains_personal_data": True,
    "special_categories": ["health"],
    "retention_until": "2027-06-30",
    "disposal_method": "Deleted.",
}


def test_create_and_read_a_dataset(personas):
    client = personas.client("contributor")
    response = post_json(client, "/api/v1/datasets?organization=acme", BODY)
    assert response.status_code == 201
    body = response.json()
    assert (body["reference"], body["special_categories"], body["retention_until"]) == (
        "DS-001",
        ["health"],
        "2027-06-30",
    )
    assert client.get(f"/api/v1/datasets/{body['id']}").json()["disposal_method"] == "Deleted."


def test_dataset_rules_answer_422(personas):
    client = personas.client("contributor")
    for body, field in (
        ({**BODY, "contains_personal_data": False}, "contains_personal_data"),
        ({**BODY, "disposal_method": ""}, "disposal_method"),
        ({**BODY, "special_categories": ["shoe size"]}, "special_categories.0"),
        ({**BODY, "retention_until": "not a date"}, "retention_until"),
    ):
        response = post_json(client, "/api/v1/datasets?organization=acme", body)
        assert response.status_code == 422, body
        assert field in response.json()["error"]["fields"], response.json()
    assert not Dataset.objects.exists()


def test_patch_clears_the_acquisition_method(personas, dataset):
    response = patch_json(
        personas.client("manager"), f"/api/v1/datasets/{dataset.pk}", {"acquisition_method": None}
    )
    assert response.status_code == 200
    assert response.json()["acquisition_method"] == ""


def test_filter_by_personal_data(personas, dataset):
    post_json(
        personas.client("owner"),
        "/api/v1/datasets?organization=acme",
        {"name": "Public data", "category": "test"},
    )
    body = (
        personas.client("viewer")
        .get("/api/v1/datasets", {"organization": "acme", "contains_personal_data": "false"})
        .json()
    )
    assert [item["name"] for item in body["items"]] == ["Public data"]


def test_provenance_is_added_and_listed_newest_first(personas, dataset):
    client = personas.client("contributor")
    url = f"/api/v1/datasets/{dataset.pk}/provenance"
    for when in ("2019-01-02", "2025-01-15"):
        response = post_json(
            client, url, {"kind": "created", "actor_name": "Ops", "occurred_on": when, "description": "Step."}
        )
        assert response.status_code == 201
    assert response.json()["recorded_by"] == "contributor@acme.test"
    body = personas.client("viewer").get(url, {"page_size": 1}).json()
    assert [item["occurred_on"] for item in body["items"]] == ["2025-01-15"]
    assert body["has_next"] is True


def test_bad_provenance_is_422_and_an_archived_dataset_409(personas, dataset):
    client = personas.client("contributor")
    url = f"/api/v1/datasets/{dataset.pk}/provenance"
    event = {"kind": "created", "actor_name": "Ops", "occurred_on": "2999-01-01", "description": "Later."}
    assert post_json(client, url, event).status_code == 422
    assert post_json(client, url, {**event, "kind": "vanished"}).status_code == 422
    post_json(client, f"/api/v1/datasets/{dataset.pk}/archive", {})
    assert post_json(client, url, {**event, "occurred_on": "2020-01-01"}).status_code == 409
    assert not ProvenanceEvent.objects.exists()
