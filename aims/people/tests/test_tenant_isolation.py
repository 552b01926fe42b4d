from aims.people.models import RaciEntry
from aims.people.tests.conftest import make_role


def test_another_organisations_roles_are_never_listed_or_reachable(personas, role, foreign_role):
    client = personas.client("owner")
    assert "Globex secret role" not in client.get("/o/acme/people/").content.decode()
    assert client.get(f"/o/acme/people/roles/{foreign_role.pk}/").status_code == 404
    assert client.get(f"/o/acme/people/roles/{foreign_role.pk}/edit/").status_code == 404
    assert client.get(f"/api/v1/people/roles/{foreign_role.pk}").status_code == 404
    names = [r["name"] for r in client.get("/api/v1/people/roles", {"organization": "acme"}).json()["items"]]
    assert names == ["AI risk owner"]


def test_another_organisations_raci_entries_are_never_shown_or_cleared(personas, foreign_role):
    entry = RaciEntry.objects.create(
        organization=personas.other_org,
        kind="process",
        process="Globex secret process",
        role=foreign_role,
        letter="A",
    )
    make_role(personas.org, 1)
    client = personas.client("owner")
    assert "Globex secret process" not in client.get("/o/acme/people/raci/").content.decode()
    assert client.post(f"/o/acme/people/raci/{entry.pk}/clear/").status_code == 404
    assert client.delete(f"/api/v1/people/raci/{entry.pk}").status_code == 404
    assert client.get("/api/v1/people/raci", {"organization": "acme"}).json()["items"] == []
    assert RaciEntry.objects.filter(pk=entry.pk).exists()
