def test_another_organisations_third_parties_are_never_listed(personas, party, foreign_party):
    for params in ({}, {"q": "Globex"}, {"status": "any"}, {"q": "SUP-1"}):
        response = personas.client("owner").get("/o/acme/third-parties/", params)
        assert b"Globex Secret Supplier" not in response.content
    body = (
        personas.client("owner")
        .get("/api/v1/third-parties", {"organization": "acme", "status": "any"})
        .json()
    )
    assert [item["name"] for item in body["items"]] == ["Lumen Models"]


def test_another_organisations_third_party_is_not_found_through_this_one(personas, foreign_party):
    client = personas.client("owner")
    assert client.get(f"/o/acme/third-parties/{foreign_party.pk}/").status_code == 404
    assert client.get(f"/o/globex/third-parties/{foreign_party.pk}/").status_code == 404
    assert client.get(f"/api/v1/third-parties/{foreign_party.pk}").status_code == 404


def test_an_outsider_cannot_list_this_organisation(personas, party):
    assert personas.client("outsider").get("/o/acme/third-parties/").status_code == 404
    response = personas.client("outsider").get("/api/v1/third-parties", {"organization": "acme"})
    assert response.status_code == 404
