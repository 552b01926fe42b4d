"""/api/v1/catalog: frameworks, a filtered and paginated item list, and one item."""

from __future__ import annotations

from aims.web.testing import EVERYONE, assert_permission_matrix

SIGNED_IN = [persona for persona in EVERYONE if persona != "anonymous"]


def test_catalogue_api_is_for_any_signed_in_user(personas, catalog):
    for url in ("/api/v1/catalog/frameworks", "/api/v1/catalog/items", "/api/v1/catalog/items/A.2.2"):
        assert_permission_matrix(personas, "GET", url, SIGNED_IN, api=True)


def test_frameworks_list_the_loaded_version(personas, catalog):
    body = personas.client("viewer").get("/api/v1/catalog/frameworks").json()
    (framework,) = body["items"]
    assert framework["code"] == "iso42001"
    assert framework["edition"] == "2023"
    assert framework["data_version"] == 1
    assert framework["item_count"] == 108


def test_items_are_paginated_in_catalogue_order(personas, catalog, django_assert_max_num_queries):
    client = personas.client("viewer")
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/catalog/items?page_size=200").json()
    assert len(body["items"]) == 108
    assert body["has_next"] is False
    assert body["items"][0] == {
        "id": "4",
        "title": "Context of the organization",
        "kind": "clause",
        "framework": "iso42001",
        "annex": "",
        "parent": None,
        "summary": body["items"][0]["summary"],
        "documented_information": "",
    }
    second = client.get("/api/v1/catalog/items?page=2&page_size=50").json()
    assert (second["page"], second["page_size"], second["has_next"]) == (2, 50, True)
    assert second["items"][0]["id"] == body["items"][50]["id"]


def test_items_filter_by_kind_annex_framework_and_search(personas, catalog):
    client = personas.client("viewer")

    def ids(query: str) -> list[str]:
        response = client.get(f"/api/v1/catalog/items?page_size=200&{query}")
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["items"]]

    assert len(ids("kind=control")) == 38
    assert ids("kind=objective&annex=A") == [f"A.{n}" for n in range(2, 11)]
    assert len(ids("kind=objective&annex=C")) == 11
    assert len(ids("annex=C")) == 18
    assert len(ids("annex=")) == 43  # the clauses
    assert ids("q=Statement of Applicability") == ["6.1.3"]
    assert len(ids("framework=iso42001")) == 108
    assert ids("framework=iso27001") == []


def test_an_unknown_kind_is_a_422_error_body(personas, catalog):
    response = personas.client("viewer").get("/api/v1/catalog/items?kind=guideline")
    assert response.status_code == 422
    assert "kind" in response.json()["error"]["fields"]


def test_item_detail_has_ancestors_and_children(personas, catalog, django_assert_max_num_queries):
    client = personas.client("viewer")
    with django_assert_max_num_queries(6):
        body = client.get("/api/v1/catalog/items/6.1").json()
    assert body["item"]["id"] == "6.1"
    assert body["item"]["parent"] == "6"
    assert [a["id"] for a in body["ancestors"]] == ["6"]
    assert [c["id"] for c in body["children"]] == ["6.1.1", "6.1.2", "6.1.3", "6.1.4"]
    control = client.get("/api/v1/catalog/items/A.6.1.2").json()
    assert control["item"]["title"] == "Objectives for responsible development of AI system"
    assert control["item"]["documented_information"] == "Documented responsible-development objectives"
    assert control["ancestors"] == [{"id": "A.6", "title": "AI system life cycle", "kind": "objective"}]
    assert control["children"] == []


def test_an_unknown_item_is_a_404_error_body(personas, catalog):
    response = personas.client("viewer").get("/api/v1/catalog/items/A.99")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"
    other = personas.client("viewer").get("/api/v1/catalog/items/A.2.2?framework=iso27001")
    assert other.status_code == 404
