"""Nothing of Globex's evidence is reachable from Acme, by any page or endpoint, read or write."""

import pytest

from aims.evidence.models import Evidence, EvidenceLink
from aims.evidence.tests.conftest import post_json


@pytest.fixture
def foreign_link(personas, catalog, foreign):
    from aims.evidence import actions
    from aims.evidence.links import find_requirement

    return actions.link_evidence(actor=personas.outsider, evidence=foreign, target=find_requirement("9.2"))


def test_acme_members_get_404_for_every_page_of_globex_evidence(personas, foreign, foreign_link):
    base = f"/o/acme/evidence/{foreign.pk}"
    client = personas.client("owner")
    for url in (f"{base}/", f"{base}/edit/", f"{base}/download/"):
        assert client.get(url).status_code == 404, url
    for url in (f"{base}/retire/", f"{base}/links/requirement/", f"{base}/links/record/"):
        assert client.post(url, {"reason": "x", "requirement": "9.2"}).status_code == 404, url
    assert client.post(f"{base}/links/{foreign_link.pk}/remove/").status_code == 404
    assert personas.client("owner").get(f"/o/globex/evidence/{foreign.pk}/").status_code == 404


def test_acme_members_get_404_for_every_endpoint_of_globex_evidence(personas, foreign, foreign_link):
    base = f"/api/v1/evidence/{foreign.pk}"
    client = personas.client("owner")
    for url in (base, f"{base}/download", f"{base}/links"):
        assert client.get(url).status_code == 404, url
    assert post_json(client, base, {"title": "Mine"}, "patch").status_code == 404
    assert post_json(client, f"{base}/retire", {"reason": "x"}).status_code == 404
    assert post_json(client, f"{base}/links", {"requirement": "9.2"}).status_code == 404
    assert client.delete(f"{base}/links/{foreign_link.pk}").status_code == 404
    foreign.refresh_from_db()
    assert foreign.title == "Globex secret"
    assert not foreign.is_retired
    assert EvidenceLink.objects.filter(evidence=foreign).count() == 1


def test_lists_never_show_another_organisations_evidence(personas, report, foreign):
    client = personas.client("owner")
    assert "Globex secret" not in client.get("/o/acme/evidence/?status=all").content.decode()
    assert "Globex secret" not in client.get("/o/acme/evidence/expiring/").content.decode()
    titles = [i["title"] for i in client.get("/api/v1/evidence?organization=acme&status=all").json()["items"]]
    assert titles == ["Bias test report"]
    assert Evidence.objects.count() == 2


def test_the_api_list_sorts_by_title(personas, report, model_card):
    items = personas.client("viewer").get("/api/v1/evidence?organization=acme&ordering=title").json()["items"]
    assert [i["title"] for i in items] == ["Bias test report", "Model card"]


def test_the_openapi_schema_describes_the_evidence_endpoints(personas):
    paths = personas.client("viewer").get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/evidence" in paths
    assert "/api/v1/evidence/{evidence_id}/download" in paths
    assert "multipart/form-data" in paths["/api/v1/evidence"]["post"]["requestBody"]["content"]
