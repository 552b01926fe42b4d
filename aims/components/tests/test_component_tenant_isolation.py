"""Nothing of another organisation is ever listed, shown, changed or linked."""

import pytest

from aims.components.tests.conftest import post_json

SECRETS = ("Globex secret model", "Globex secret data", "Globex secret cluster", "Globex secret skill")


@pytest.mark.parametrize(
    "url",
    [
        "/o/acme/components/",
        "/o/acme/components/datasets/",
        "/o/acme/components/resources/",
        "/o/acme/components/competences/",
        "/api/v1/models?organization=acme",
        "/api/v1/datasets?organization=acme",
        "/api/v1/resources?organization=acme",
        "/api/v1/competence-needs?organization=acme",
    ],
)
def test_lists_never_show_another_organisations_records(personas, foreign_records, ai_model, url):
    page = personas.client("owner").get(url + ("&" if "?" in url else "?") + "status=any").content.decode()
    assert not [secret for secret in SECRETS if secret in page]


def test_another_organisations_records_are_404_on_every_page(personas, foreign_records):
    client = personas.client("owner")
    for key, prefix in (("model", "models"), ("dataset", "datasets"), ("resource", "resources")):
        pk = foreign_records[key].pk
        for path in ("", "edit/"):
            assert client.get(f"/o/acme/components/{prefix}/{pk}/{path}").status_code == 404
            assert client.get(f"/o/globex/components/{prefix}/{pk}/{path}").status_code == 404
        for path in ("archive/", "restore/", "link/"):
            assert (
                client.post(f"/o/acme/components/{prefix}/{pk}/{path}", {"ai_system": "AIS-001"}).status_code
                == 404
            )
    need = foreign_records["need"].pk
    assert client.post(f"/o/acme/components/competences/{need}/delete/").status_code == 404
    assert client.get(f"/o/acme/components/competences/{need}/edit/").status_code == 404


def test_another_organisations_records_are_404_in_the_api(personas, foreign_records):
    client = personas.client("owner")
    for key, prefix in (("model", "models"), ("dataset", "datasets"), ("resource", "resources")):
        pk = foreign_records[key].pk
        assert client.get(f"/api/v1/{prefix}/{pk}").status_code == 404
        assert post_json(client, f"/api/v1/{prefix}/{pk}/archive", {}).status_code == 404
    assert client.get(f"/api/v1/datasets/{foreign_records['dataset'].pk}/provenance").status_code == 404
    assert client.get(f"/api/v1/competence-needs/{foreign_records['need'].pk}").status_code == 404
    assert client.get("/api/v1/models?organization=globex").status_code == 404


def test_a_foreign_system_cannot_be_linked_by_id(personas, systems, ai_model):
    client = personas.client("owner")
    response = post_json(
        client, f"/api/v1/models/{ai_model.pk}/ai-systems", {"ai_system": systems.foreign.pk}
    )
    assert response.status_code == 422
    assert "No AI system" in response.json()["error"]["fields"]["ai_system"][0]
    created = post_json(
        client,
        "/api/v1/competence-needs",
        {"ai_system": systems.foreign.pk, "competence": "X", "area": "other"},
    )
    assert created.status_code == 422
    assert list(ai_model.ai_systems.all()) == [systems.scoring]
