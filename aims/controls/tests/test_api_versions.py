import io

import openpyxl
import pypdf

from aims.controls.models import SoAVersion
from aims.web.testing import assert_permission_matrix, assert_refused

from .conftest import decide_all, exclude, post_json

READERS = ["owner", "manager", "contributor", "auditor", "viewer"]
APPROVE = "/api/v1/controls/soa/approve?organization=acme"


def test_manager_approves_through_the_api_and_versions_are_listed(personas, controls):
    decide_all(personas, controls)
    response = post_json(personas.client("manager"), APPROVE, {"note": "First"})
    assert response.status_code == 201, response.content
    assert response.json()["number"] == 1
    assert response.json()["approved_by"] == "Manager"
    url = "/api/v1/controls/soa/versions?organization=acme"
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
    assert [v["number"] for v in personas.client("auditor").get(url).json()["items"]] == [1]
    detail = personas.client("auditor").get("/api/v1/controls/soa/versions/1?organization=acme").json()
    assert len(detail["snapshot"]["controls"]) == 38


def test_approval_through_the_api_is_refused_while_incomplete(personas, controls):
    response = post_json(personas.client("owner"), APPROVE, {})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "incomplete"
    assert "A.2.2 is undecided" in response.json()["error"]["message"]


def test_only_owners_and_managers_approve_through_the_api(personas, controls):
    decide_all(personas, controls)
    refused = ["anonymous", "outsider", "contributor", "auditor", "viewer"]
    assert_refused(personas, "POST", APPROVE, refused, api=True, data={})
    assert not SoAVersion.objects.exists()


def test_a_version_exports_through_the_api(personas, controls):
    decide_all(personas, controls)
    exclude(personas, controls["A.2.4"], why="Reviewed with the group policy")
    post_json(personas.client("owner"), APPROVE, {})
    base = "/api/v1/controls/soa/versions/1/export?organization=acme"
    response = personas.client("auditor").get(base + "&format=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="soa-version-1.xlsx"'
    rows = list(openpyxl.load_workbook(io.BytesIO(response.content))["Controls"].iter_rows(values_only=True))
    assert len(rows) == 39
    pdf = personas.client("viewer").get(base + "&format=pdf")
    assert "A.2.4" in "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf.content)).pages)
    assert_permission_matrix(personas, "GET", base + "&format=docx", READERS, api=True)
    assert personas.client("viewer").get(base + "&format=odt").status_code == 422
    assert personas.client("viewer").get(base.replace("/1/", "/7/")).status_code == 404


def test_another_organisations_versions_are_not_found(personas, controls):
    decide_all(personas, controls)
    post_json(personas.client("owner"), APPROVE, {})
    client = personas.client("outsider")
    assert client.get("/api/v1/controls/soa/versions/1?organization=acme").status_code == 404
    assert client.get("/api/v1/controls/soa/versions/1?organization=globex").status_code == 404
    assert client.get("/api/v1/controls/soa/versions?organization=globex").json()["items"] == []


def test_the_draft_exports_through_the_api_marked_draft(personas, controls):
    url = "/api/v1/controls/soa/export?organization=acme&format=xlsx"
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
    response = personas.client("viewer").get(url)
    assert response["Content-Disposition"] == 'attachment; filename="soa-draft.xlsx"'
    cover = openpyxl.load_workbook(io.BytesIO(response.content))["Cover"]
    assert ("Version", "DRAFT (not approved)") in list(cover.iter_rows(values_only=True))


def test_every_member_reads_a_version_through_the_api(personas, controls):
    decide_all(personas, controls)
    post_json(personas.client("owner"), APPROVE, {})
    url = "/api/v1/controls/soa/versions/1?organization=acme"
    assert_permission_matrix(personas, "GET", url, READERS, api=True)
