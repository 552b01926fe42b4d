from aims.people.models import RaciEntry
from aims.people.tests.conftest import make_role, post_json
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

URL = "/api/v1/people/raci?organization=acme"
NOT_WRITERS = [p for p in EVERYONE if p not in ("owner", "manager")]


def test_every_member_lists_raci_letters(personas, role):
    RaciEntry.objects.create(
        organization=personas.org, kind="process", process="Risk assessment", role=role, letter="A"
    )
    assert_permission_matrix(
        personas, "GET", URL, ("owner", "manager", "contributor", "auditor", "viewer"), api=True
    )
    items = (
        personas.client("viewer")
        .get("/api/v1/people/raci", {"organization": "acme", "kind": "process"})
        .json()["items"]
    )
    assert items[0]["subject"] == "Risk assessment"
    assert items[0]["letter"] == "A"
    assert (
        personas.client("viewer")
        .get("/api/v1/people/raci", {"organization": "acme", "kind": "system"})
        .json()["items"]
        == []
    )


def test_owners_and_managers_set_letters_for_every_kind(personas, role, system, catalog):
    cases = [
        {"kind": "process", "process": "Impact assessment"},
        {"kind": "control", "control": "A.3.2"},
        {"kind": "system", "ai_system": system.pk},
    ]
    assert_refused(
        personas, "POST", URL, NOT_WRITERS, data={**cases[0], "role": role.pk, "letter": "A"}, api=True
    )
    for case in cases:
        response = post_json(personas.client("manager"), URL, {**case, "role": role.pk, "letter": "A"})
        assert response.status_code == 201, response.content
    assert RaciEntry.objects.count() == 3


def test_bad_input_is_refused_and_nothing_written(personas, role, foreign_role, catalog):
    client = personas.client("owner")
    base = {"kind": "process", "process": "P", "role": role.pk, "letter": "R"}
    for data, status in [
        ({**base, "letter": "Z"}, 422),
        ({**base, "role": foreign_role.pk}, 422),
        ({**base, "kind": "control", "process": "", "control": "5.3"}, 422),
        ({**base, "kind": "system", "process": "", "ai_system": 99999}, 422),
        ({**base, "process": ""}, 422),
    ]:
        assert post_json(client, URL, data).status_code == status, data
    assert not RaciEntry.objects.exists()
    other = make_role(personas.org, 5)
    post_json(client, URL, {**base, "letter": "A"})
    assert post_json(client, URL, {**base, "role": other.pk, "letter": "A"}).status_code == 409


def test_letters_are_removed_by_id(personas, role):
    entry = RaciEntry.objects.create(
        organization=personas.org, kind="process", process="P", role=role, letter="R"
    )
    url = f"/api/v1/people/raci/{entry.pk}"
    assert_refused(personas, "DELETE", url, NOT_WRITERS, api=True)
    assert personas.client("manager").delete(url).status_code == 204
    assert not RaciEntry.objects.exists()
