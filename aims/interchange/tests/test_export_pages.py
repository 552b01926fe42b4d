from aims.ai_systems.models import AISystem
from aims.interchange.tests.inventory_files import csv_rows, sheet_rows
from aims.web.testing import ROLES, assert_permission_matrix

EXPORT = "/o/acme/inventory/export/"
TEMPLATE = "/o/acme/inventory/template/"


def test_every_member_downloads_exports_and_templates(personas):
    assert_permission_matrix(personas, "GET", EXPORT + "?register=ai_systems&format=csv", ROLES)
    assert_permission_matrix(personas, "GET", TEMPLATE + "?register=suppliers", ROLES)


def test_an_export_is_an_attachment_without_other_organisations_records(personas):
    AISystem.objects.create(organization=personas.org, reference="AIS-1", name="Ours", purpose="p")
    AISystem.objects.create(organization=personas.other_org, reference="GLX-1", name="Theirs", purpose="p")
    response = personas.client("viewer").get(EXPORT + "?register=ai_systems&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="acme-ai_systems-')
    assert [row[0] for row in csv_rows(response.content)[1:]] == ["AIS-1"]


def test_the_whole_inventory_exports_as_one_workbook(personas):
    response = personas.client("auditor").get(EXPORT)
    assert sheet_rows(response.content, "Suppliers")[0][0] == "reference"


def test_an_unknown_register_or_format_is_not_found(personas):
    client = personas.client("viewer")
    assert client.get(EXPORT + "?register=risks").status_code == 404
    assert client.get(EXPORT + "?format=pdf&register=ai_systems").status_code == 404
    assert client.get(TEMPLATE + "?register=risks").status_code == 404
