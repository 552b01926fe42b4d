"""The list, detail, create and edit pages of issues, obligations and interested parties."""

from typing import Any

import pytest

from aims.context.models import ContextIssue, InterestedParty, Obligation
from aims.web.testing import ROLES, assert_allowed, assert_permission_matrix, assert_refused

EDITORS = ("owner", "manager", "contributor")
REFUSED = ("anonymous", "outsider", "viewer", "auditor")
NEW: dict[str, dict[str, Any]] = {
    "issues": {"kind": "external", "category": "climate_change", "title": "Floods", "status": "active"},
    "obligations": {"kind": "legal", "title": "Automated decisions", "source": "GDPR Art. 22",
                    "applicability": "applies", "status": "active"},
    "parties": {"name": "Loan applicants", "kind": "affected_people", "status": "active"},
}  # fmt: skip
MODELS: dict[str, Any] = {"issues": ContextIssue, "obligations": Obligation, "parties": InterestedParty}


@pytest.fixture
def records(issue, obligation, party):
    return {"issues": issue, "obligations": obligation, "parties": party}


@pytest.mark.parametrize("kind", ["issues", "obligations", "parties"])
def test_every_member_sees_the_list_and_detail(personas, records, foreign, kind):
    base = "/o/acme/context/" + ("" if kind == "issues" else f"{kind}/")
    assert_permission_matrix(personas, "GET", base, ROLES)
    own = records[kind]
    assert_permission_matrix(personas, "GET", f"/o/acme/context/{kind}/{own.pk}/", ROLES)
    theirs = {"issues": foreign["issue"], "obligations": foreign["obligation"], "parties": foreign["party"]}[
        kind
    ]
    client = personas.client("owner")
    assert client.get(f"/o/acme/context/{kind}/{theirs.pk}/").status_code == 404
    page = client.get(base).content.decode()
    assert (getattr(own, "title", None) or own.name) in page
    assert "Globex" not in page


@pytest.mark.parametrize("kind", ["issues", "obligations", "parties"])
def test_editors_add_records_and_readers_are_refused(personas, chatbot, kind):
    url = f"/o/acme/context/{kind}/new/"
    assert_refused(personas, "GET", url, REFUSED)
    assert_refused(personas, "POST", url, REFUSED, data=NEW[kind])
    assert not MODELS[kind].objects.exists()
    assert_allowed(personas, "GET", url, EDITORS)
    data: dict[str, Any] = dict(NEW[kind])
    if kind != "parties":
        data["ai_systems"] = [chatbot.pk]
    response = personas.client("contributor").post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert MODELS[kind].objects.count() == 1


@pytest.mark.parametrize("kind", ["issues", "obligations", "parties"])
def test_bad_input_shows_the_form_again_and_writes_nothing(personas, kind):
    data = {**NEW[kind], "kind": "nonsense"}
    response = personas.client("manager").post(f"/o/acme/context/{kind}/new/", data)
    assert response.status_code == 422
    assert "field-error" in response.content.decode()
    assert not MODELS[kind].objects.exists()


@pytest.mark.parametrize("kind", ["issues", "obligations", "parties"])
def test_editors_edit_records_and_readers_are_refused(personas, records, kind):
    record = records[kind]
    url = f"/o/acme/context/{kind}/{record.pk}/edit/"
    assert_refused(personas, "GET", url, REFUSED)
    data = {**NEW[kind], "reference": getattr(record, "reference", ""), "title": "Changed", "name": "Changed"}
    response = personas.client("manager").post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    record.refresh_from_db()
    assert getattr(record, "title", None) == "Changed" or getattr(record, "name", None) == "Changed"


def test_the_issue_list_filters_and_sorts(personas, issue):
    client = personas.client("viewer")
    assert "enters into force" in client.get("/o/acme/context/?kind=external&sort=-review").content.decode()
    assert "enters into force" not in client.get("/o/acme/context/?choice=climate_change").content.decode()
    assert client.get("/o/acme/context/?sort=sideways").status_code == 400
    partial = client.get("/o/acme/context/?q=act", headers={"HX-Request": "true"}).content.decode()
    assert partial.startswith('<div id="records">') or 'id="records"' in partial[:200]
