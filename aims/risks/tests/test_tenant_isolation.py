"""Nothing of another organisation is reachable: every page and endpoint answers 404 for Globex's records,
even to Acme's owner, and nothing is written."""

import pytest

from aims.risks import actions
from aims.risks.models import Risk, TreatmentAction
from aims.risks.tests.conftest import post_json


@pytest.fixture
def theirs(personas, foreign):
    action = actions.add_treatment_action(actor=personas.outsider, risk=foreign, title="Theirs")
    draft = actions.draft_criteria(
        actor=personas.outsider,
        organization=personas.other_org,
        spec=actions.ensure_default_criteria(personas.other_org).spec(),
    )
    return {"risk": foreign, "action": action, "criteria": draft}


def test_acme_pages_never_reach_globex_records(personas, theirs):
    client = personas.client("owner")
    pk, action, criteria = theirs["risk"].pk, theirs["action"].pk, theirs["criteria"].pk
    for suffix in ("", "edit/", "assess/", "treat/", "accept/", "close/"):
        assert client.get(f"/o/acme/risks/{pk}/{suffix}").status_code == 404, suffix
    for url in (
        f"/o/acme/risks/{pk}/reopen/",
        f"/o/acme/risks/{pk}/actions/",
        f"/o/acme/risks/{pk}/actions/{action}/complete/",
        f"/o/acme/risks/criteria/{criteria}/approve/",
        f"/o/acme/risks/criteria/{criteria}/discard/",
    ):
        assert client.post(url, {"title": "x", "reason": "x"}).status_code == 404, url
    assert client.get("/o/globex/risks/").status_code == 404


def test_the_api_never_reaches_globex_records(personas, theirs):
    client = personas.client("owner")
    pk, action, criteria = theirs["risk"].pk, theirs["action"].pk, theirs["criteria"].pk
    assert client.get(f"/api/v1/risks/{pk}").status_code == 404
    assert client.get(f"/api/v1/risks/{pk}/actions").status_code == 404
    for path, data in [
        ("assess", {"likelihood": 1, "consequence": 1}),
        ("close", {"reason": "x"}),
        ("reopen", {}),
        ("actions", {"title": "x"}),
        (f"actions/{action}/complete", {}),
        ("accept", {"rationale": "x", "expires_on": "2099-01-01"}),
    ]:
        assert post_json(client, f"/api/v1/risks/{pk}/{path}", data).status_code == 404, path
    assert post_json(client, f"/api/v1/risks/criteria/{criteria}/approve", {}).status_code == 404
    assert client.get("/api/v1/risks?organization=globex").status_code == 404
    assert Risk.objects.get(pk=pk).status == "identified"
    assert TreatmentAction.objects.get(pk=action).status == "open"
