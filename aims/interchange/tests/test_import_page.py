from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from aims.ai_systems.models import AISystem
from aims.interchange.tests.inventory_files import inventory_workbook, systems_csv
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/o/acme/inventory/"


def upload(data, name="systems.csv", register="ai_systems"):
    return {"file": SimpleUploadedFile(name, data), "register": register}


def test_every_member_sees_the_page_with_templates_and_exports(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES)
    page = personas.client("viewer").get(URL).content.decode()
    assert "/o/acme/inventory/template/?register=ai_systems" in page
    assert "/o/acme/inventory/export/?register=datasets&amp;format=csv" in page
    assert 'accept=".xlsx,.csv"' not in page  # the viewer cannot import
    assert 'accept=".xlsx,.csv"' in personas.client("contributor").get(URL).content.decode()


def test_viewers_auditors_and_outsiders_cannot_import(personas):
    for persona in ("anonymous", "outsider", "viewer", "auditor"):
        assert_refused(personas, "POST", URL, [persona], data=upload(systems_csv()))
    assert not AISystem.objects.exists()


def test_a_contributor_imports_a_file_and_sees_the_counts(personas):
    response = personas.client("contributor").post(URL, upload(systems_csv()))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Imported systems.csv" in page
    assert "<td>AI systems</td><td>2</td><td>0</td><td>0</td>" in page
    assert AISystem.objects.filter(organization=personas.org).count() == 2


def test_a_workbook_with_every_register_is_imported_from_the_page(personas):
    response = personas.client("manager").post(URL, upload(inventory_workbook(), "inventory.xlsx", ""))
    assert response.status_code == 200
    assert AISystem.objects.filter(organization=personas.org).count() == 2


def test_a_rejected_file_shows_every_error_in_a_table_and_writes_nothing(personas):
    data = systems_csv(["AIS-001", "Scorer", "Score.", "flying", "", "", "yes"])
    response = personas.client("contributor").post(URL, upload(data))
    assert response.status_code == 400
    page = response.content.decode()
    assert "systems.csv was not imported" in page
    assert "<td>2</td><td><code>lifecycle_stage</code></td>" in page
    assert not AISystem.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(personas):
    with override_settings(AIMS_MAX_IMPORT_BYTES=50):
        response = personas.client("contributor").post(URL, upload(systems_csv()))
    assert response.status_code == 400
    assert "the limit is 50" in response.content.decode()
    assert not AISystem.objects.exists()


def test_a_post_without_a_file_is_a_form_error(personas):
    response = personas.client("contributor").post(URL, {"register": "ai_systems"})
    assert response.status_code == 400
    assert "field-error" in response.content.decode()
