from datetime import date

from aims.people import actions
from aims.people.models import Competence, TrainingRecord
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

MEMBERS = ("owner", "manager", "contributor", "auditor", "viewer")
NOT_MANAGERS = [p for p in EVERYONE if p not in ("owner", "manager")]


def test_competence_list_create_and_edit(personas, literacy):
    assert_permission_matrix(personas, "GET", "/o/acme/people/competences/", MEMBERS)
    client = personas.client("viewer")
    assert (
        "<td>AI literacy</td>"
        in client.get("/o/acme/people/competences/", {"literacy": "on"}).content.decode()
    )
    assert (
        "<td>AI literacy</td>" not in client.get("/o/acme/people/competences/", {"q": "zzz"}).content.decode()
    )
    new = "/o/acme/people/competences/new/"
    assert_permission_matrix(personas, "GET", new, ("owner", "manager"))
    assert_refused(personas, "POST", new, NOT_MANAGERS, data={"name": "Risk assessment"})
    assert personas.client("manager").post(new, {"name": "Risk assessment"}).status_code == 302
    assert personas.client("manager").post(new, {"name": "risk ASSESSMENT"}).status_code == 422
    edit = f"/o/acme/people/competences/{literacy.pk}/edit/"
    assert_refused(personas, "POST", edit, NOT_MANAGERS, data={"name": "Hacked"})
    assert (
        personas.client("owner")
        .post(edit, {"name": "AI literacy basics", "is_ai_literacy": "on"})
        .status_code
        == 302
    )
    assert Competence.objects.filter(name="AI literacy basics").exists()


def test_training_list_filters_and_the_record_form(personas, literacy):
    actions.record_training(
        actor=personas.owner,
        organization=personas.org,
        user=personas.viewer,
        competence=literacy,
        title="Old course",
        completed_on=date(2024, 1, 1),
        expires_on=date(2025, 1, 1),
    )
    url = "/o/acme/people/training/"
    assert_permission_matrix(personas, "GET", url, MEMBERS)
    client = personas.client("auditor")
    assert "Old course" in client.get(url, {"status": "expired"}).content.decode()
    assert "Old course" not in client.get(url, {"status": "valid"}).content.decode()
    assert "Old course" in client.get(url, {"user": personas.viewer.pk, "sort": "-expires"}).content.decode()
    assert client.get(url, {"sort": "salary"}).status_code == 400
    new = "/o/acme/people/training/new/"
    assert_permission_matrix(personas, "GET", new, MEMBERS)
    data = {
        "user": personas.owner.pk,
        "competence": literacy.pk,
        "kind": "training",
        "title": "x",
        "completed_on": "2026-01-01",
    }
    assert_refused(personas, "POST", new, ("anonymous", "outsider"), data=data)
    assert personas.client("viewer").post(new, data).status_code == 403
    assert personas.client("viewer").post(new, {**data, "completed_on": "yesterday"}).status_code == 422
    assert TrainingRecord.objects.count() == 1
    assert personas.client("viewer").post(new, {**data, "user": personas.viewer.pk}).status_code == 302
    assert TrainingRecord.objects.count() == 2
