import datetime

from aims.ai_systems.tests.conftest import make_system
from aims.web.testing import ROLES, assert_permission_matrix

URL = "/api/v1/ai-systems"


def _names(personas, persona="viewer", **params):
    response = personas.client(persona).get(URL, params)
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_the_list_is_for_members_only(personas):
    assert_permission_matrix(personas, "GET", f"{URL}?organization=acme", ROLES, api=True)


def test_anonymous_is_asked_to_authenticate(personas):
    response = personas.client("anonymous").get(URL)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"


def test_the_list_spans_the_users_organisations_unless_one_is_named(personas, foreign_system):
    make_system(personas.org, 1)
    make_system(personas.other_org, 2)
    assert _names(personas, "outsider") == ["Globex secret scorer", "System 0002"]
    assert _names(personas, "owner") == ["System 0001"]
    assert (
        personas.client("outsider").get(URL, {"organization": "globex"}).json()["items"][0]["organization"]
        == "globex"
    )


def test_items_carry_the_systems_fields(personas, system):
    item = personas.client("viewer").get(URL).json()["items"][0]
    assert item["reference"] == "AIS-001"
    assert item["owner"] == "manager@acme.test"
    assert item["lifecycle_stage"] == "inception"
    assert item["ai_roles"] == ["customer"]
    assert item["due_for_review"] is False
    assert item["organization"] == "acme"


def test_filters_and_search(personas):
    make_system(personas.org, 1, lifecycle_stage="deployment", name="Credit scorer")
    make_system(personas.org, 2, risk_class="high", owner=personas.manager)
    make_system(personas.org, 3, in_scope=False, next_review_on=datetime.date(2020, 1, 1))
    make_system(personas.org, 4, status="archived")
    cases = {
        (("q", "credit"),): ["Credit scorer"],
        (("stage", "deployment"),): ["Credit scorer"],
        (("risk_class", "high"),): ["System 0002"],
        (("in_scope", "false"),): ["System 0003"],
        (("owner", "MANAGER@acme.test"),): ["System 0002"],
        (("due_for_review", "true"),): ["System 0003"],
        (("status", "archived"),): ["System 0004"],
        (("status", "all"), ("ordering", "-name")): [
            "System 0004",
            "System 0003",
            "System 0002",
            "Credit scorer",
        ],
    }
    for params, expected in cases.items():
        assert _names(personas, organization="acme", **dict(params)) == expected, params


def test_bad_query_parameters_are_422(personas):
    for params in (
        {"ordering": "password"},
        {"stage": "hibernation"},
        {"status": "deleted"},
        {"page_size": 0},
    ):
        response = personas.client("viewer").get(URL, params)
        assert response.status_code == 422, params
        assert response.json()["error"]["code"] == "invalid"


def test_pages_follow_one_another(personas):
    for n in range(1, 4):
        make_system(personas.org, n)
    body = personas.client("viewer").get(URL, {"page_size": 2}).json()
    assert (body["page"], body["page_size"], body["has_next"]) == (1, 2, True)
    assert [i["name"] for i in body["items"]] == ["System 0001", "System 0002"]
    body = personas.client("viewer").get(URL, {"page_size": 2, "page": 2}).json()
    assert body["has_next"] is False
    assert [i["name"] for i in body["items"]] == ["System 0003"]
