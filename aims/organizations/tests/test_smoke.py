def test_owner_sees_organisation_home(personas):
    response = personas.client("owner").get("/o/acme/")
    assert response.status_code == 200
    assert b"Acme AI" in response.content
