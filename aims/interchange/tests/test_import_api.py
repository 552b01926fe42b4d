from django.test import override_settings

from aims.ai_systems.models import AISystem
from aims.interchange.tests.inventory_files import csv_rows, inventory_workbook, systems_csv
from aims.web.testing import ROLES

IMPORT = "/api/v1/inventory/import?organization=acme&register=ai_systems"


def post(client, url, data, name="systems.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(url, {"file": SimpleUploadedFile(name, data)})


def test_an_editor_imports_and_gets_the_report(personas):
    response = post(personas.client("contributor"), IMPORT, systems_csv())
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True
    assert body["sheets"][0] | {"errors": []} == {
        "register": "ai_systems",
        "sheet": "AI systems",
        "created": 2,
        "updated": 0,
        "unchanged": 0,
        "errors": [],
    }


def test_a_workbook_imports_every_register_without_a_register_parameter(personas):
    url = "/api/v1/inventory/import?organization=acme"
    response = post(personas.client("manager"), url, inventory_workbook(), "inventory.xlsx")
    assert response.status_code == 200
    assert len(response.json()["sheets"]) == 4


def test_a_rejected_file_answers_422_with_the_report_in_the_error_body(personas):
    data = systems_csv(["AIS-001", "Scorer", "Score.", "flying", "", "", "yes"])
    response = post(personas.client("contributor"), IMPORT, data)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "import_rejected"
    assert error["message"] == "The file was not imported: 1 error."
    assert error["report"]["sheets"][0]["errors"][0]["column"] == "lifecycle_stage"
    assert not AISystem.objects.exists()


def test_a_file_over_the_limit_answers_422(personas):
    with override_settings(AIMS_MAX_IMPORT_BYTES=50):
        response = post(personas.client("contributor"), IMPORT, systems_csv())
    assert response.status_code == 422
    assert "the limit is 50" in response.json()["error"]["report"]["errors"][0]["message"]


def test_an_unknown_register_answers_422(personas):
    url = "/api/v1/inventory/import?organization=acme&register=risks"
    assert post(personas.client("contributor"), url, systems_csv()).status_code == 422


def test_only_editors_of_the_organisation_import(personas):
    expected = {"anonymous": 401, "outsider": 404, "viewer": 403, "auditor": 403}
    for persona, status in expected.items():
        response = post(personas.client(persona), IMPORT, systems_csv())
        assert response.status_code == status, persona
        assert "error" in response.json()
    assert not AISystem.objects.exists()
    for persona in ("owner", "manager", "contributor"):
        assert post(personas.client(persona), IMPORT, systems_csv()).status_code == 200


def test_members_export_and_others_are_refused(personas):
    AISystem.objects.create(organization=personas.other_org, reference="GLX-1", name="Theirs", purpose="p")
    url = "/api/v1/inventory/export?organization=acme&register=ai_systems&format=csv"
    for persona in ROLES:
        response = personas.client(persona).get(url)
        assert response.status_code == 200, persona
        assert 'filename="acme-ai_systems-' in response["Content-Disposition"]
        assert csv_rows(response.content) == [csv_rows(response.content)[0]]
    assert personas.client("anonymous").get(url).status_code == 401
    assert personas.client("outsider").get(url).status_code == 404
    foreign = "/api/v1/inventory/export?organization=globex&register=ai_systems&format=csv"
    assert personas.client("owner").get(foreign).status_code == 404


def test_a_csv_export_of_every_register_answers_422(personas):
    response = personas.client("viewer").get("/api/v1/inventory/export?organization=acme&format=csv")
    assert response.status_code == 422


def test_the_template_endpoint_gives_an_xlsx(personas):
    response = personas.client("viewer").get("/api/v1/inventory/template?register=ai_models")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="aims-ai_models-template.xlsx"'
    assert personas.client("anonymous").get("/api/v1/inventory/template").status_code == 401
