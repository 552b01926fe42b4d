"""/api/v1/evidence/{id}/links: what evidence supports, added and removed through the actions."""

from aims.ai_systems.models import AISystem
from aims.evidence.models import EvidenceLink
from aims.evidence.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused


def test_links_are_listed_to_every_member(personas, report):
    assert_permission_matrix(personas, "GET", f"/api/v1/evidence/{report.pk}/links", ROLES, api=True)


def test_an_editor_links_a_requirement_and_a_record_by_reference_or_id(personas, catalog, report, system):
    client = personas.client("contributor")
    url = f"/api/v1/evidence/{report.pk}/links"
    response = post_json(client, url, {"requirement": "A.6.2.4", "note": "Verification"})
    assert response.status_code == 201, response.content
    assert response.json()["requirement"] == "A.6.2.4"
    response = post_json(client, url, {"record_type": "ai_systems.aisystem", "record_reference": "AIS-001"})
    assert response.status_code == 201, response.content
    assert response.json()["record"] == "AIS-001 Credit scorer"
    assert (
        post_json(client, url, {"record_type": "ai_systems.aisystem", "record_id": system.pk}).status_code
        == 409
    )
    items = client.get(url).json()["items"]
    assert [(i["requirement"], i["record_type"]) for i in items] == [
        ("A.6.2.4", None),
        (None, "ai_systems.aisystem"),
    ]


def test_linking_another_organisations_record_is_refused(personas, report):
    foreign = AISystem.objects.create(
        organization=personas.other_org, reference="AIS-009", name="G", purpose="x"
    )
    url = f"/api/v1/evidence/{report.pk}/links"
    client = personas.client("contributor")
    response = post_json(client, url, {"record_type": "ai_systems.aisystem", "record_id": foreign.pk})
    assert response.status_code == 422
    response = post_json(client, url, {"record_type": "organizations.membership", "record_id": 1})
    assert response.status_code == 422
    assert not EvidenceLink.objects.exists()


def test_viewers_cannot_link_or_unlink(personas, catalog, report):
    url = f"/api/v1/evidence/{report.pk}/links"
    assert_refused(
        personas,
        "POST",
        url,
        ["anonymous", "outsider", "viewer", "auditor"],
        data={"requirement": "9.2"},
        api=True,
    )
    link = post_json(personas.client("manager"), url, {"requirement": "9.2"}).json()
    assert_refused(personas, "DELETE", f"{url}/{link['id']}", ["anonymous", "outsider", "viewer"], api=True)
    assert personas.client("manager").delete(f"{url}/{link['id']}").status_code == 204
    assert not EvidenceLink.objects.exists()


def test_a_link_of_other_evidence_is_not_found(personas, catalog, report, model_card):
    link = post_json(
        personas.client("manager"), f"/api/v1/evidence/{report.pk}/links", {"requirement": "9.2"}
    ).json()
    response = personas.client("manager").delete(f"/api/v1/evidence/{model_card.pk}/links/{link['id']}")
    assert response.status_code == 404
    assert EvidenceLink.objects.count() == 1
