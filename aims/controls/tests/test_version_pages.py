import io

import openpyxl

from aims.controls import actions
from aims.controls.models import SoAVersion
from aims.web.testing import assert_permission_matrix, assert_refused

from .conftest import decide_all, exclude

READERS = ["owner", "manager", "contributor", "auditor", "viewer"]
APPROVE = "/o/acme/controls/approve/"


def test_the_approve_page_lists_what_blocks_approval(personas, controls):
    assert_permission_matrix(personas, "GET", APPROVE, ["owner", "manager"])
    page = personas.client("manager").get(APPROVE).content.decode()
    assert "Not ready yet: 38 to resolve" in page
    assert "A.2.2 is undecided" in page


def test_manager_approves_after_confirming(personas, controls):
    decide_all(personas, controls)
    page = personas.client("manager").get(APPROVE).content.decode()
    assert "Yes, approve and freeze version 1" in page
    response = personas.client("manager").post(APPROVE, {"note": "First"})
    assert response.status_code == 302
    assert response["Location"] == "/o/acme/controls/versions/1/"
    assert SoAVersion.objects.get().note == "First"


def test_contributor_and_viewer_cannot_approve(personas, controls):
    decide_all(personas, controls)
    assert_refused(
        personas, "POST", APPROVE, ["anonymous", "outsider", "contributor", "auditor", "viewer"], data={}
    )
    assert not SoAVersion.objects.exists()


def test_an_incomplete_soa_posted_for_approval_is_refused_with_the_list(personas, controls):
    response = personas.client("owner").post(APPROVE, {})
    assert response.status_code == 409
    assert "A.10.4 is undecided" in response.content.decode()


def _two_versions(personas, controls):
    decide_all(personas, controls)
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    exclude(personas, controls["A.2.4"], why="Covered by group policy")
    actions.update_implementation(
        actor=personas.contributor,
        control=controls["A.2.2"],
        changes={"implementation_status": "implemented"},
    )
    actions.create_custom_control(actor=personas.contributor, organization=personas.org, title="Red team")
    own = controls["A.2.2"].__class__.objects.get(reference="ORG-001", organization=personas.org)
    exclude(personas, own, why="Later")
    actions.approve_soa(actor=personas.owner, organization=personas.org)


def test_versions_are_listed_and_read_from_their_snapshot(personas, controls):
    _two_versions(personas, controls)
    assert_permission_matrix(personas, "GET", "/o/acme/controls/versions/", READERS)
    assert_permission_matrix(personas, "GET", "/o/acme/controls/versions/1/", READERS)
    page = personas.client("auditor").get("/o/acme/controls/versions/").content.decode()
    assert "Version 2" in page
    assert "Version 1" in page
    page = personas.client("auditor").get("/o/acme/controls/versions/1/").content.decode()
    assert "Covered by group policy" not in page
    assert "ORG-001" not in page
    page = personas.client("auditor").get("/o/acme/controls/versions/2/").content.decode()
    assert "Covered by group policy" in page
    assert personas.client("auditor").get("/o/acme/controls/versions/3/").status_code == 404


def test_two_versions_are_compared(personas, controls):
    _two_versions(personas, controls)
    url = "/o/acme/controls/versions/compare/?a=1&b=2"
    assert_permission_matrix(personas, "GET", url, READERS)
    page = personas.client("viewer").get(url).content.decode()
    assert "Controls added" in page
    assert "ORG-001</code> Red team (excluded)" in page
    changed = page[page.index("Controls changed") :]
    assert "A.2.4</code>" in changed
    assert "Covered by group policy" in changed
    assert "A.2.2</code>" in changed
    assert "Implemented" in changed
    assert "A.2.3</code>" not in changed


def test_a_version_is_compared_with_the_draft(personas, controls):
    _two_versions(personas, controls)
    exclude(personas, controls["A.3.2"], why="Roles set by the parent company")
    page = personas.client("viewer").get("/o/acme/controls/versions/compare/?a=2&b=draft").content.decode()
    assert "the current draft" in page
    assert "Roles set by the parent company" in page
    page = personas.client("viewer").get("/o/acme/controls/versions/compare/?a=2&b=2").content.decode()
    assert "No control changed." in page


def test_exports_download_from_the_pages(personas, controls):
    _two_versions(personas, controls)
    url = "/o/acme/controls/versions/2/export.xlsx"
    assert_permission_matrix(personas, "GET", url, READERS)
    response = personas.client("auditor").get(url)
    assert response["Content-Disposition"] == 'attachment; filename="soa-version-2.xlsx"'
    assert len(list(openpyxl.load_workbook(io.BytesIO(response.content))["Controls"].rows)) == 1 + 39
    draft = personas.client("viewer").get("/o/acme/controls/export.docx")
    assert draft["Content-Disposition"] == 'attachment; filename="soa-draft.docx"'
    assert personas.client("viewer").get("/o/acme/controls/export.odt").status_code == 404
    assert personas.client("outsider").get("/o/acme/controls/export.pdf").status_code == 404
