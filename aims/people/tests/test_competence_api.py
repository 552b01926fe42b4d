from aims.people.models import Competence, TrainingRecord
from aims.people.tests.conftest import patch_json, post_json
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")
NOT_MANAGERS = [p for p in EVERYONE if p not in ("owner", "manager")]
COMPETENCES = "/api/v1/people/competences?organization=acme"
TRAINING = "/api/v1/people/training-records?organization=acme"


def test_competences_are_listed_defined_and_changed(personas, literacy):
    assert_permission_matrix(personas, "GET", COMPETENCES, MEMBERS, api=True)
    assert_refused(personas, "POST", COMPETENCES, NOT_MANAGERS, data={"name": "Risk"}, api=True)
    assert post_json(personas.client("manager"), COMPETENCES, {"name": "Risk"}).status_code == 201
    assert post_json(personas.client("manager"), COMPETENCES, {"name": "risk"}).status_code == 422
    assert post_json(personas.client("manager"), COMPETENCES, {"name": ""}).status_code == 422
    url = f"/api/v1/people/competences/{literacy.pk}"
    assert_refused(personas, "PATCH", url, NOT_MANAGERS, data={"name": "x"}, api=True)
    assert (
        patch_json(personas.client("owner"), url, {"description": "Basics"}).json()["description"] == "Basics"
    )
    items = (
        personas.client("viewer")
        .get("/api/v1/people/competences", {"organization": "acme", "ai_literacy": "true"})
        .json()["items"]
    )
    assert [c["name"] for c in items] == ["AI literacy"]
    assert Competence.objects.count() == 2


def test_training_records_are_listed_and_recorded(personas, literacy):
    data = {
        "user": "viewer@acme.test",
        "competence": literacy.pk,
        "title": "AI basics",
        "completed_on": "2026-01-01",
    }
    for persona in ("anonymous", "outsider"):
        response = personas.client(persona).post(TRAINING, data)
        assert response.status_code == (401 if persona == "anonymous" else 404)
    assert personas.client("auditor").post(TRAINING, data).status_code == 403
    assert personas.client("viewer").post(TRAINING, {**data, "completed_on": "soon"}).status_code == 422
    assert personas.client("viewer").post(TRAINING, {**data, "competence": 9999}).status_code == 422
    assert not TrainingRecord.objects.exists()
    assert personas.client("viewer").post(TRAINING, data).status_code == 201
    assert_permission_matrix(personas, "GET", TRAINING, MEMBERS, api=True)
    items = (
        personas.client("auditor")
        .get(
            "/api/v1/people/training-records",
            {"organization": "acme", "user": "viewer@acme.test", "status": "valid"},
        )
        .json()["items"]
    )
    assert [t["title"] for t in items] == ["AI basics"]
