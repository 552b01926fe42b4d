"""The upload, link, edit and retire pages: editors only, errors explained, nothing written on refusal."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile

from aims.evidence.models import Evidence, EvidenceLink
from aims.evidence.tests.conftest import PDF, stored_files
from aims.web.testing import assert_allowed, assert_refused

EDITORS = ("owner", "manager", "contributor")
READ_ONLY = ("anonymous", "outsider", "viewer", "auditor")
DATA = {"title": "DPIA for the credit model", "collected_on": "2026-01-05"}


def test_only_editors_open_the_forms(personas, report):
    for url in (
        "/o/acme/evidence/new/file/",
        "/o/acme/evidence/new/link/",
        f"/o/acme/evidence/{report.pk}/edit/",
    ):
        assert_allowed(personas, "GET", url, EDITORS)
        assert_refused(personas, "GET", url, READ_ONLY)


def test_the_upload_form_explains_the_size_and_types(personas, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
    body = personas.client("contributor").get("/o/acme/evidence/new/file/").content.decode()
    assert "Up to 5 MiB" in body
    assert "PDF, PNG, JPEG" in body
    assert "checked from the content" in body
    assert 'enctype="multipart/form-data"' in body


def test_an_upload_through_the_page_is_stored_and_linked(personas, catalog, media):
    upload = SimpleUploadedFile("dpia.pdf", PDF)
    data = {**DATA, "file": upload, "requirements": "6.1.4, A.5.2", "owner": personas.manager.pk}
    response = personas.client("contributor").post("/o/acme/evidence/new/file/", data)
    evidence = Evidence.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/o/acme/evidence/{evidence.pk}/"
    assert evidence.sha256 == hashlib.sha256(PDF).hexdigest()
    assert evidence.owner == personas.manager
    assert set(evidence.links.values_list("item__ref", flat=True)) == {"6.1.4", "A.5.2"}


def test_bad_files_get_a_form_error_and_nothing_is_written(personas, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    client = personas.client("contributor")
    for upload in (
        SimpleUploadedFile("a.pdf", b"<html>nope</html>"),
        SimpleUploadedFile("b.pdf", PDF + b"0" * 2000),
    ):
        response = client.post("/o/acme/evidence/new/file/", {**DATA, "file": upload})
        assert response.status_code == 422
        assert "field-error" in response.content.decode()
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_unknown_requirements_are_named_in_the_error_and_nothing_is_written(personas, catalog, media):
    data = {**DATA, "file": SimpleUploadedFile("a.pdf", PDF), "requirements": "9.2, Z.1"}
    response = personas.client("contributor").post("/o/acme/evidence/new/file/", data)
    assert response.status_code == 422
    assert "Z.1" in response.content.decode()
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_a_link_is_added_through_the_page_and_bad_schemes_are_refused(personas):
    client = personas.client("manager")
    response = client.post("/o/acme/evidence/new/link/", {**DATA, "url": "javascript:alert(1)"})
    assert response.status_code == 422
    assert not Evidence.objects.exists()
    response = client.post("/o/acme/evidence/new/link/", {**DATA, "url": "https://wiki.acme.test/dpia"})
    assert response.status_code == 302
    assert Evidence.objects.get().url == "https://wiki.acme.test/dpia"


def test_attaching_from_a_record_page_links_the_new_evidence_to_it(personas, system):
    url = f"/o/acme/evidence/new/link/?record=ai_systems.aisystem:{system.pk}"
    assert "AIS-001 Credit scorer" in personas.client("manager").get(url).content.decode()
    data = {**DATA, "url": "https://x.test", "record": f"ai_systems.aisystem:{system.pk}"}
    assert personas.client("manager").post(url, data).status_code == 302
    assert EvidenceLink.objects.get().record == system


def test_the_edit_page_saves_through_the_action(personas, report):
    data = {"title": "Bias test report v2", "collected_on": "2026-01-06", "valid_until": "2026-12-31"}
    response = personas.client("contributor").post(f"/o/acme/evidence/{report.pk}/edit/", data)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.title == "Bias test report v2"
    assert str(report.valid_until) == "2026-12-31"
    response = personas.client("contributor").post(
        f"/o/acme/evidence/{report.pk}/edit/", {**data, "valid_until": "2025-01-01"}
    )
    assert response.status_code == 422
    assert "must not be before" in response.content.decode()


def test_retiring_through_the_page_needs_a_reason(personas, report):
    url = f"/o/acme/evidence/{report.pk}/retire/"
    assert_refused(personas, "POST", url, READ_ONLY, data={"reason": "x"})
    assert personas.client("manager").post(url, {"reason": ""}).status_code == 422
    assert personas.client("manager").post(url, {"reason": "Superseded by EV-0002"}).status_code == 302
    assert Evidence.objects.get().is_retired
    body = personas.client("manager").get(f"/o/acme/evidence/{report.pk}/").content.decode()
    assert "Superseded by EV-0002" in body
    assert "Retire this evidence" not in body
