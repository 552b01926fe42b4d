from __future__ import annotations

from django.test import Client


def test_the_document_endpoints_are_described_in_the_openapi_schema(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/documents/{document_id}/versions/{number}/request-changes" in paths
    upload = paths["/api/v1/documents/{document_id}/versions"]["post"]["requestBody"]["content"]
    assert "multipart/form-data" in upload
