"""Nothing of Globex's campaigns is visible or reachable from Acme."""


def test_acme_lists_show_nothing_of_globex(personas, campaign, foreign):
    client = personas.client("owner")
    page = client.get("/o/acme/acknowledgements/?state=all").content.decode()
    assert "Globex rules" not in page
    items = client.get("/api/v1/acknowledgements/campaigns?organization=acme&state=all").json()["items"]
    assert [item["id"] for item in items] == [campaign.pk]
    assert client.get("/api/v1/acknowledgements/campaigns?organization=globex").status_code == 404
    mine = personas.client("outsider").get("/api/v1/acknowledgements/mine").json()["items"]
    assert [item["organization"] for item in mine] == ["globex"]


def test_globex_campaigns_are_404_by_id_everywhere(personas, foreign):
    client = personas.client("owner")
    for url in (f"/o/acme/acknowledgements/{foreign.pk}/", f"/api/v1/acknowledgements/campaigns/{foreign.pk}",
                f"/api/v1/acknowledgements/campaigns/{foreign.pk}/requests"):  # fmt: skip
        assert client.get(url).status_code == 404
    for url in (f"/o/acme/acknowledgements/{foreign.pk}/remind/",
                f"/o/acme/acknowledgements/{foreign.pk}/close/",
                f"/api/v1/acknowledgements/campaigns/{foreign.pk}/remind",
                f"/api/v1/acknowledgements/campaigns/{foreign.pk}/close"):  # fmt: skip
        assert client.post(url, content_type="application/json").status_code == 404
    foreign.refresh_from_db()
    assert foreign.is_open
