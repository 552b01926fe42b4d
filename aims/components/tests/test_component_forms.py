"""Adding and editing records through the pages: the forms explain themselves and refuse bad input."""

from aims.audit.models import AuditEvent
from aims.components.models import AIModel, Dataset, Resource


def test_contributor_adds_a_model_linked_to_a_system(personas, systems):
    response = personas.client("contributor").post(
        "/o/acme/components/models/new/",
        {
            "reference": "",
            "name": "Scorecard",
            "model_type": "classical_ml",
            "evaluation_results": "AUC | 0.81 | DS-002\n\nGini | 62%",
            "ai_system": "AIS-001",
        },
    )
    model = AIModel.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/components/models/{model.pk}/"
    assert model.reference == "MOD-001"
    assert model.evaluation_results == [
        {"metric": "AUC", "value": 0.81, "dataset": "DS-002"},
        {"metric": "Gini", "value": "62%"},
    ]
    assert list(model.ai_systems.all()) == [systems.scoring]


def test_the_form_explains_its_fields_with_their_controls(personas):
    page = (
        personas.client("contributor").get("/o/acme/components/datasets/new/?system=AIS-001").content.decode()
    )
    assert "What the data is used for in the system&#x27;s life cycle (A.4.3)." in page
    assert "(GDPR art. 9)" in page
    assert 'value="AIS-001"' in page


def test_bad_input_shows_errors_and_writes_nothing(personas, systems):
    client = personas.client("contributor")
    bad = [
        ("/o/acme/components/models/new/", {"name": "", "model_type": "magic"}, "Select a valid choice"),
        (
            "/o/acme/components/models/new/",
            {"name": "M", "model_type": "other", "evaluation_results": "AUC"},
            "metric | value",
        ),
        (
            "/o/acme/components/models/new/",
            {"name": "M", "model_type": "other", "ai_system": "GLX-001"},
            "No AI system",
        ),
        (
            "/o/acme/components/datasets/new/",
            {"name": "D", "category": "training", "special_categories": ["health"]},
            "tick personal data too",
        ),
        (
            "/o/acme/components/datasets/new/",
            {"name": "D", "category": "training", "retention_until": "2030-01-01"},
            "deleted or anonymised",
        ),
        ("/o/acme/components/resources/new/", {"name": "R", "kind": "magic"}, "Select a valid choice"),
    ]
    for url, data, message in bad:
        response = client.post(url, data)
        assert response.status_code == 422, url
        assert message in response.content.decode(), message
    assert not AIModel.objects.exists()
    assert not Dataset.objects.exists()
    assert not Resource.objects.exists()
    assert (
        not AuditEvent.objects.filter(verb__endswith=".created")
        .exclude(verb__startswith="organization")
        .exists()
    )


def test_a_used_reference_is_a_form_error(personas, ai_model):
    response = personas.client("manager").post(
        "/o/acme/components/models/new/", {"reference": "MOD-001", "name": "Again", "model_type": "other"}
    )
    assert response.status_code == 422
    assert "already used" in response.content.decode()
    assert AIModel.objects.count() == 1


def test_editing_a_dataset_saves_the_changes(personas, dataset):
    url = f"/o/acme/components/datasets/{dataset.pk}/edit/"
    client = personas.client("contributor")
    form = client.get(url).content.decode()
    assert 'value="Loan applications 2019-2024"' in form
    data = {
        "reference": "DS-001",
        "name": "Loan applications",
        "category": "training",
        "contains_personal_data": "on",
        "special_categories": ["racial_ethnic_origin"],
        "retention_until": "2031-12-31",
        "disposal_method": "Deleted.",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    dataset.refresh_from_db()
    assert dataset.name == "Loan applications"
    assert dataset.special_categories == ["racial_ethnic_origin"]
    assert str(dataset.retention_until) == "2031-12-31"


def test_editing_an_archived_record_is_a_form_error(personas, resource):
    personas.client("manager").post(f"/o/acme/components/resources/{resource.pk}/archive/")
    response = personas.client("manager").post(
        f"/o/acme/components/resources/{resource.pk}/edit/",
        {"reference": "RES-001", "name": "New", "kind": "tooling"},
    )
    assert response.status_code == 422
    assert "restore it" in response.content.decode()


def test_archive_and_restore_buttons(personas, ai_model):
    client = personas.client("contributor")
    response = client.post(f"/o/acme/components/models/{ai_model.pk}/archive/", follow=True)
    assert "is archived" in response.content.decode()
    ai_model.refresh_from_db()
    assert ai_model.is_archived
    assert b"MOD-001" not in client.get("/o/acme/components/").content
    again = client.post(f"/o/acme/components/models/{ai_model.pk}/archive/", follow=True)
    assert "archived already" in again.content.decode()
    client.post(f"/o/acme/components/models/{ai_model.pk}/restore/")
    ai_model.refresh_from_db()
    assert not ai_model.is_archived


def test_linking_and_unlinking_from_the_detail_page(personas, systems, ai_model):
    client = personas.client("contributor")
    url = f"/o/acme/components/models/{ai_model.pk}/"
    assert client.post(url + "link/", {"ai_system": "AIS-002"}).status_code == 302
    assert set(ai_model.ai_systems.all()) == {systems.scoring, systems.chatbot}
    bad = client.post(url + "link/", {"ai_system": "GLX-001"})
    assert bad.status_code == 422
    assert "No AI system with the reference" in bad.content.decode()
    twice = client.post(url + "link/", {"ai_system": "AIS-002"})
    assert twice.status_code == 422
    assert "linked to AIS-002 already" in twice.content.decode()
    assert client.post(url + f"unlink/{systems.chatbot.pk}/").status_code == 302
    assert list(ai_model.ai_systems.all()) == [systems.scoring]
    assert client.post(url + f"unlink/{systems.foreign.pk}/").status_code == 404
