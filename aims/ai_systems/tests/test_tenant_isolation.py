from aims.ai_systems.tests.conftest import make_system


def test_another_organisations_systems_are_never_listed(personas, foreign_system):
    make_system(personas.org, 1)
    html = personas.client("owner").get("/o/acme/systems/", {"status": "all"}).content.decode()
    assert "System 0001" in html
    assert "Globex secret" not in html
    body = personas.client("owner").get("/api/v1/ai-systems", {"status": "all"}).json()
    assert [item["name"] for item in body["items"]] == ["System 0001"]


def test_an_outsider_gets_404_for_the_organisations_pages(personas, system):
    client = personas.client("outsider")
    for url in ("/o/acme/systems/", "/o/acme/systems/new/", f"/o/acme/systems/{system.pk}/"):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/api/v1/ai-systems/{system.pk}").status_code == 404
    assert client.get("/api/v1/ai-systems", {"organization": "acme"}).status_code == 404


def test_a_system_is_not_reachable_under_another_organisations_address(personas, foreign_system):
    # The outsider owns Globex and its system, but not under Acme's address.
    assert personas.client("outsider").get(f"/o/globex/systems/{foreign_system.pk}/").status_code == 200
    assert personas.client("owner").get(f"/o/acme/systems/{foreign_system.pk}/").status_code == 404
