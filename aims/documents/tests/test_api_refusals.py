"""Every write endpoint turns away anonymous callers (401), outsiders (404) and the wrong roles (403)."""

from __future__ import annotations

from aims.documents.models import Document, DocumentVersion
from aims.web.testing import Personas, assert_refused

API = "/api/v1/documents"


def test_transitions_refuse_readers_and_strangers(personas: Personas, document: Document) -> None:
    base = f"{API}/{document.pk}/versions/1"
    refused = ("anonymous", "outsider", "auditor", "viewer")
    assert_refused(personas, "POST", f"{base}/submit", refused, api=True)
    assert_refused(personas, "PATCH", base, refused, data={"body": "x"}, api=True)
    assert_refused(personas, "POST", f"{API}/{document.pk}/versions", refused, api=True)
    assert DocumentVersion.objects.get().state == "draft"


def test_approval_moves_refuse_contributors_too(personas: Personas, document: Document) -> None:
    base = f"{API}/{document.pk}/versions/1"
    refused = ("anonymous", "outsider", "contributor", "auditor", "viewer")
    for verb in ("approve", "request-changes", "publish"):
        assert_refused(personas, "POST", f"{base}/{verb}", refused, data={"comment": "x"}, api=True)
    assert_refused(personas, "POST", f"{API}/{document.pk}/withdraw", refused, data={"reason": "x"}, api=True)
    document.refresh_from_db()
    assert document.status == "active"
