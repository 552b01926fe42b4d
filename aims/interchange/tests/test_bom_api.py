"""/api/v1/inventory: a system's ML-BOM for every member; BOM and model-card imports for editors only."""

import json
from typing import Any

from django.test import Client

from aims.ai_systems.models import AISystem
from aims.components.models import AIModel
from aims.interchange import bom_plan
from aims.interchange.tests.bom_samples import empty_organization, make_inventory
from aims.interchange.tests.model_card_samples import CHAT_MODEL, CLASSIFIER
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

READERS_ONLY = ("anonymous", "outsider", "auditor", "viewer")


def _post(client: Client, url: str, body: object) -> Any:
    return client.post(url, data=json.dumps(body), content_type="application/json")


def test_every_member_may_fetch_a_systems_bom(personas):
    inventory = make_inventory(personas)
    url = f"/api/v1/inventory/systems/{inventory.system.pk}/cyclonedx"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    response = personas.client("auditor").get(url)
    assert response["Content-Type"] == "application/vnd.cyclonedx+json"
    assert json.loads(response.content)["metadata"]["component"]["bom-ref"] == "aims:ai-system:AIS-001"


def test_another_organisations_system_is_not_found(personas):
    foreign = AISystem.objects.create(organization=personas.other_org, reference="G-1", name="G", purpose="G")
    response = personas.client("owner").get(f"/api/v1/inventory/systems/{foreign.pk}/cyclonedx")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_an_editor_imports_a_bom_and_gets_the_system(personas):
    inventory = make_inventory(personas)
    bom = personas.client("owner").get(f"/api/v1/inventory/systems/{inventory.system.pk}/cyclonedx").json()
    empty_organization(personas)
    response = _post(personas.client("manager"), "/api/v1/inventory/cyclonedx?organization=initech", bom)
    assert response.status_code == 201
    system = AISystem.objects.get(organization__slug="initech")
    assert response.json() == {
        "id": system.pk,
        "reference": "AIS-001",
        "name": "Credit scoring",
        "organization": "initech",
    }
    again = personas.client("manager").get(f"/api/v1/inventory/systems/{system.pk}/cyclonedx").json()
    again.pop("serialNumber"), bom.pop("serialNumber")
    again["metadata"].pop("timestamp"), bom["metadata"].pop("timestamp")
    assert again == bom


def test_readers_cannot_import_through_the_api(personas):
    inventory = make_inventory(personas)
    bom = json.loads(
        personas.client("owner").get(f"/api/v1/inventory/systems/{inventory.system.pk}/cyclonedx").content
    )
    assert_refused(
        personas, "POST", "/api/v1/inventory/cyclonedx?organization=acme", READERS_ONLY, data=bom, api=True
    )
    assert_refused(
        personas,
        "POST",
        "/api/v1/inventory/model-cards?organization=acme",
        READERS_ONLY,
        data={"text": CHAT_MODEL},
        api=True,
    )
    assert AISystem.objects.count() == 1
    assert AIModel.objects.count() == 2


def test_a_bad_bom_answers_422_and_writes_nothing(personas, monkeypatch):
    client = personas.client("contributor")
    url = "/api/v1/inventory/cyclonedx?organization=acme"
    response = client.post(url, data=b"{oops", content_type="application/json")
    assert response.status_code == 422
    assert "not JSON" in response.json()["error"]["fields"]["__all__"][0]
    response = _post(client, url, {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": "one"})
    assert response.status_code == 422
    assert "does not follow the CycloneDX schema" in response.json()["error"]["fields"]["__all__"][0]
    monkeypatch.setattr(bom_plan, "MAX_BOM_BYTES", 10)
    response = _post(client, url, {"bomFormat": "CycloneDX", "specVersion": "1.6"})
    assert response.status_code == 422
    assert "the limit is 10" in json.dumps(response.json())
    assert not AISystem.objects.exists()


def test_a_model_card_creates_a_model(personas):
    response = _post(
        personas.client("contributor"),
        "/api/v1/inventory/model-cards?organization=acme",
        {"text": CHAT_MODEL, "reference": "MOD-010"},
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["reference"], body["name"], body["model_type"], body["licence"]) == (
        "MOD-010",
        "zephyr-7b-beta",
        "foundation",
        "apache-2.0",
    )


def test_a_model_card_updates_the_model_given_by_id(personas):
    client = personas.client("contributor")
    url = "/api/v1/inventory/model-cards?organization=acme"
    created = _post(client, url, {"text": CHAT_MODEL}).json()
    response = _post(client, url, {"text": CLASSIFIER, "model_id": created["id"]})
    assert response.status_code == 201
    assert response.json()["licence"] == "mit"
    assert AIModel.objects.count() == 1


def test_a_bad_model_card_answers_422(personas):
    client = personas.client("contributor")
    url = "/api/v1/inventory/model-cards?organization=acme"
    response = _post(client, url, {"text": "no front matter"})
    assert response.status_code == 422
    assert "no front matter" in json.dumps(response.json())
    assert _post(client, url, {"text": ""}).status_code == 422
    assert not AIModel.objects.exists()


def test_another_organisations_model_is_not_found(personas):
    foreign = AIModel.objects.create(
        organization=personas.other_org, reference="M", name="M", model_type="other"
    )
    response = _post(
        personas.client("owner"),
        "/api/v1/inventory/model-cards?organization=acme",
        {"text": CHAT_MODEL, "model_id": foreign.pk},
    )
    assert response.status_code == 404
    assert AIModel.objects.get().licence == ""
