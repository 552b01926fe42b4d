"""/api/v1/documents: the permission matrix, the life cycle through the API, multipart uploads."""

from __future__ import annotations

from typing import Any

from aims.documents.models import Document, DocumentVersion
from aims.documents.tests.conftest import EXE, PDF, draft_of, post_json, upload
from aims.web.testing import EVERYONE, ROLES, Personas, assert_permission_matrix, assert_refused

API = "/api/v1/documents"
EDITORS = ("owner", "manager", "contributor")


def test_every_member_reads_documents_and_versions(personas: Personas, published: DocumentVersion) -> None:
    pk = published.document_id
    assert_permission_matrix(personas, "GET", f"{API}?organization=acme", ROLES, api=True)
    for url in (f"{API}/{pk}", f"{API}/{pk}/versions", f"{API}/{pk}/versions/1", f"{API}/{pk}/diff?a=1&b=1"):
        assert_permission_matrix(personas, "GET", url, ROLES, api=True)


def test_an_editor_creates_a_document_with_owner_and_distribution_by_email(personas: Personas) -> None:
    data = {"title": "Incident response plan", "kind": "plan", "owner": "manager@acme.test",
            "distribution": ["viewer@acme.test"], "body": "# Plan"}  # fmt: skip
    response = post_json(personas.client("contributor"), f"{API}?organization=acme", data)
    assert response.status_code == 201
    body = response.json()
    assert body["reference"] == "PLN-001"
    assert body["owner"] == "manager@acme.test"
    assert body["distribution"] == ["viewer@acme.test"]
    assert body["current_version"] is None


def test_readers_cannot_create_or_change_documents(personas: Personas, document: Document) -> None:
    refused = [p for p in EVERYONE if p not in EDITORS]
    assert_refused(
        personas, "POST", f"{API}?organization=acme", refused, data={"title": "X", "kind": "plan"}, api=True
    )
    assert_refused(personas, "PATCH", f"{API}/{document.pk}", refused, data={"title": "X"}, api=True)
    assert Document.objects.get().title == "AI system development procedure"


def test_a_stranger_as_owner_is_refused_with_the_field_named(personas: Personas) -> None:
    data = {"title": "T", "kind": "plan", "owner": "outsider@globex.test"}
    response = post_json(personas.client("manager"), f"{API}?organization=acme", data)
    assert response.status_code == 422
    assert "owner" in response.json()["error"]["fields"]


def test_the_life_cycle_through_the_api(personas: Personas, document: Document) -> None:
    base = f"{API}/{document.pk}/versions/1"
    assert post_json(personas.client("viewer"), f"{base}/submit", {}).status_code == 403
    assert post_json(personas.client("contributor"), f"{base}/submit", {}).status_code == 200
    response = post_json(personas.client("manager"), f"{base}/publish", {})
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "invalid_state"
    response = post_json(personas.client("manager"), f"{base}/request-changes", {"comment": ""})
    assert response.status_code == 422
    response = post_json(personas.client("manager"), f"{base}/approve", {"comment": "Good"})
    assert response.json()["state"] == "approved"
    assert response.json()["reviewed_by"] == "manager@acme.test"
    response = post_json(personas.client("owner"), f"{base}/publish", {})
    assert response.json()["state"] == "published"
    detail = personas.client("viewer").get(f"{API}/{document.pk}").json()
    assert detail["current_version"] == 1
    assert detail["next_review_on"] is not None


def test_self_approval_is_refused_through_the_api(personas: Personas) -> None:
    made = post_json(
        personas.client("manager"), f"{API}?organization=acme", {"title": "T", "kind": "plan", "body": "x"}
    )
    pk = made.json()["id"]
    post_json(personas.client("manager"), f"{API}/{pk}/versions/1/submit", {})
    response = post_json(personas.client("manager"), f"{API}/{pk}/versions/1/approve", {})
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "You wrote this version; someone else must approve it."


def test_a_new_version_is_uploaded_as_multipart(
    personas: Personas, published: DocumentVersion, media: Any
) -> None:
    client = personas.client("contributor")
    url = f"{API}/{published.document_id}/versions"
    response = client.post(url, {"change_summary": "Signed copy", "upload": upload("signed.pdf", PDF)})
    assert response.status_code == 201
    body = response.json()
    assert body["number"] == 2
    assert body["file"]["name"] == "signed.pdf"
    assert body["body"] == published.body
    download = client.get(f"{url}/2/file")
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]


def test_a_disallowed_upload_is_refused_and_nothing_is_written(
    personas: Personas, published: DocumentVersion, media: Any
) -> None:
    url = f"{API}/{published.document_id}/versions"
    response = personas.client("contributor").post(url, {"upload": upload("setup.pdf", EXE)})
    assert response.status_code == 422
    assert "file" in response.json()["error"]["fields"]
    assert DocumentVersion.objects.count() == 1
    assert [p for p in media.rglob("*") if p.is_file()] == []


def test_withdraw_and_review_through_the_api(personas: Personas, published: DocumentVersion) -> None:
    pk = published.document_id
    assert post_json(personas.client("viewer"), f"{API}/{pk}/reviewed", {}).status_code == 403
    assert post_json(personas.client("manager"), f"{API}/{pk}/reviewed", {"notes": "ok"}).status_code == 200
    assert (
        post_json(personas.client("contributor"), f"{API}/{pk}/withdraw", {"reason": "x"}).status_code == 403
    )
    response = post_json(personas.client("manager"), f"{API}/{pk}/withdraw", {"reason": "Replaced"})
    assert response.json()["status"] == "withdrawn"


def test_the_diff_as_json(personas: Personas, document: Document, published: DocumentVersion) -> None:
    client = personas.client("contributor")
    post_json(client, f"{API}/{document.pk}/versions", {})
    second = draft_of(document)
    post_json(client, f"{API}/{document.pk}/versions/2", {"body": second.body + "3. Run\n"}, method="patch")
    body = personas.client("viewer").get(f"{API}/{document.pk}/diff?a=1&b=2").json()
    assert body["added"] == 1
    assert body["removed"] == 0
    assert {"kind": "added", "text": "3. Run", "old": None, "new": 9} in body["lines"]


def test_the_pdf_is_a_download(personas: Personas, published: DocumentVersion) -> None:
    response = personas.client("auditor").get(f"{API}/{published.document_id}/versions/1/pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="PRO-001-v1.pdf"'
    assert response.content.startswith(b"%PDF-")
