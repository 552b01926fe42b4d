"""/api/v1/evidence: list, multipart upload, detail, patch, retire; the permission matrix and isolation."""

import hashlib

from django.core.files.uploadedfile import SimpleUploadedFile

from aims.evidence.models import Evidence
from aims.evidence.tests.conftest import PDF, PNG, post_json, stored_files
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

FIELDS = {"title": "Supplier ISO 27001 certificate", "collected_on": "2026-01-05"}


def test_every_member_reads_the_register_and_one_item(personas, report):
    assert_permission_matrix(personas, "GET", "/api/v1/evidence?organization=acme", ROLES, api=True)
    assert_permission_matrix(personas, "GET", f"/api/v1/evidence/{report.pk}", ROLES, api=True)


def test_the_list_filters_and_shows_freshness(personas, report, model_card):
    client = personas.client("viewer")
    body = client.get("/api/v1/evidence?organization=acme&kind=link").json()
    assert [item["reference"] for item in body["items"]] == ["EV-0002"]
    item = client.get("/api/v1/evidence?organization=acme&owner=manager@acme.test").json()["items"][0]
    assert item["sha256"] == report.sha256
    assert item["freshness"] == "current"
    assert item["owner"] == "manager@acme.test"
    assert client.get("/api/v1/evidence?organization=acme&owner=nobody@x.test").status_code == 422


def test_an_editor_uploads_a_file_with_multipart(personas, catalog, media):
    upload = SimpleUploadedFile("cert.png", PNG, content_type="image/png")
    data = {**FIELDS, "owner": "manager@acme.test", "requirements": "A.10.3, 8.1", "file": upload}
    response = personas.client("contributor").post("/api/v1/evidence?organization=acme", data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["content_type"] == "image/png"
    assert body["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert body["kind"] == "file"
    assert Evidence.objects.get().links.count() == 2


def test_a_link_is_added_with_a_url_and_no_file(personas):
    data = {**FIELDS, "url": "https://trust.supplier.test/iso27001.pdf"}
    response = personas.client("manager").post("/api/v1/evidence?organization=acme", data)
    assert response.status_code == 201, response.content
    assert response.json()["kind"] == "link"


def test_a_file_and_a_url_together_or_neither_are_refused(personas, media):
    client = personas.client("manager")
    both = {**FIELDS, "url": "https://x.test", "file": SimpleUploadedFile("a.pdf", PDF)}
    assert client.post("/api/v1/evidence?organization=acme", both).status_code == 422
    assert client.post("/api/v1/evidence?organization=acme", FIELDS).status_code == 422
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_bad_uploads_are_refused_with_422_and_nothing_is_written(personas, media, settings):
    settings.AIMS_MAX_UPLOAD_BYTES = 1024
    client = personas.client("manager")
    for upload in (SimpleUploadedFile("a.pdf", b"MZ nope"), SimpleUploadedFile("b.pdf", PDF + b"0" * 2000)):
        response = client.post("/api/v1/evidence?organization=acme", {**FIELDS, "file": upload})
        assert response.status_code == 422, response.content
        assert "file" in response.json()["error"]["fields"]
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_only_editors_add_evidence_through_the_api(personas, media):
    for persona, expected in (("viewer", 403), ("auditor", 403), ("outsider", 404), ("anonymous", 401)):
        data = {**FIELDS, "file": SimpleUploadedFile("a.pdf", PDF)}
        response = personas.client(persona).post("/api/v1/evidence?organization=acme", data)
        assert response.status_code == expected, persona
    assert not Evidence.objects.exists()
    assert stored_files(media) == []


def test_patch_and_retire_call_the_actions(personas, report):
    client = personas.client("contributor")
    url = f"/api/v1/evidence/{report.pk}"
    response = post_json(client, url, {"valid_until": "2026-02-01", "owner": "viewer@acme.test"}, "patch")
    assert response.status_code == 200, response.content
    assert response.json()["valid_until"] == "2026-02-01"
    assert response.json()["owner"] == "viewer@acme.test"
    response = post_json(client, url + "/retire", {"reason": "Superseded"})
    assert response.json()["status"] == "retired"
    assert post_json(client, url + "/retire", {"reason": "Again"}).status_code == 409


def test_viewers_and_outsiders_cannot_change_evidence(personas, report):
    url = f"/api/v1/evidence/{report.pk}"
    assert_refused(
        personas, "PATCH", url, ["anonymous", "outsider", "viewer", "auditor"], data={"title": "x"}, api=True
    )
    assert_refused(
        personas, "POST", url + "/retire", ["anonymous", "outsider", "viewer"], data={"reason": "x"}, api=True
    )
    assert Evidence.objects.get().title == "Bias test report"


def test_another_organisations_evidence_is_invisible(personas, foreign, report):
    client = personas.client("owner")
    assert client.get(f"/api/v1/evidence/{foreign.pk}").status_code == 404
    assert client.get("/api/v1/evidence?organization=globex").status_code == 404
    items = client.get("/api/v1/evidence?organization=acme&status=all").json()["items"]
    assert [item["title"] for item in items] == ["Bias test report"]


def test_the_list_shows_the_evidence_for_one_record(personas, report, model_card, system):
    from aims.evidence import actions

    actions.link_evidence(actor=personas.contributor, evidence=model_card, target=system)
    client = personas.client("viewer")
    url = "/api/v1/evidence?organization=acme&record_type=ai_systems.aisystem&record_reference=AIS-001"
    assert [item["title"] for item in client.get(url).json()["items"]] == ["Model card"]
    assert client.get(url.replace("AIS-001", "AIS-404")).status_code == 422
    assert client.get("/api/v1/evidence?organization=acme&record_type=ai_systems.aisystem").status_code == 422
