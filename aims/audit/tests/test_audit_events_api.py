from typing import Any

from aims.audit.tests.conftest import dated_events
from aims.web.testing import Personas, assert_permission_matrix

URL = "/api/v1/audit-events"


def _get(personas: Personas, persona: str = "manager", **params: Any) -> Any:
    return personas.client(persona).get(URL, {"organization": "acme", **params})


def test_audit_events_api_is_for_owners_managers_and_auditors(personas, acme_events):
    assert_permission_matrix(
        personas, "GET", f"{URL}?organization=acme", ("owner", "manager", "auditor"), api=True
    )


def test_viewer_gets_403_from_the_audit_events_api(personas):
    response = _get(personas, "viewer")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


def test_audit_events_api_lists_events_newest_first(personas, acme_events):
    body = _get(personas, page_size=2).json()
    assert (body["page"], body["page_size"], body["has_next"]) == (1, 2, True)
    first = body["items"][0]
    assert (first["seq"], first["verb"], first["actor"]) == (5, "membership.removed", "owner@acme.test")
    assert first["target_type"] == "organizations.organization"
    assert len(first["hash"]) == 64
    assert first["data"] == {"user": "x@acme.test"}
    assert first["before"] is None


def test_audit_events_api_filters(personas, acme_events):
    dated_events(personas, 5)

    def seqs(**params: Any) -> list[int]:
        return [item["seq"] for item in _get(personas, **params).json()["items"]]

    assert seqs(actor="manager@acme.test", verb="membership.created") == [2]
    assert seqs(actor="system") == [4]
    assert seqs(target_type="risks.risk", since="2026-03-02", until="2026-03-04") == [8, 7]
    assert seqs(since="2026-03-05T00:00:00Z") == [10]
    assert seqs(verb="nothing.happened") == []


def test_audit_events_api_refuses_bad_filters(personas):
    missing = personas.client("owner").get(URL)
    assert missing.status_code == 422
    assert "organization" in missing.json()["error"]["fields"]
    bad_date = _get(personas, since="soon")
    assert bad_date.status_code == 422
    assert "since" in bad_date.json()["error"]["fields"]
    backwards = _get(personas, since="2026-03-05", until="2026-03-01")
    assert backwards.status_code == 422
    assert "until" in str(backwards.json()["error"]["fields"])
    too_big = _get(personas, page_size=10_000)
    assert too_big.status_code == 422


def test_audit_events_api_for_an_unknown_organisation_is_404(personas):
    assert personas.client("owner").get(URL, {"organization": "nope"}).status_code == 404
