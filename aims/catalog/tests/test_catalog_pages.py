"""The catalogue pages: a tree of the whole framework, a searchable flat list, and one item's page."""

from __future__ import annotations

from aims.web.testing import EVERYONE, assert_permission_matrix

SIGNED_IN = [persona for persona in EVERYONE if persona != "anonymous"]


def test_catalogue_pages_are_for_any_signed_in_user(personas, catalog):
    assert_permission_matrix(personas, "GET", "/catalog/", SIGNED_IN)
    assert_permission_matrix(personas, "GET", "/catalog/A.2.2/", SIGNED_IN)
    assert_permission_matrix(personas, "GET", "/catalog/?q=policy", SIGNED_IN)


def test_tree_shows_clauses_annex_a_and_annex_c(personas, catalog, django_assert_max_num_queries):
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        response = client.get("/catalog/")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in (
        "Clauses 4 to 10: requirements",
        "Annex A: reference control objectives and controls",
        "Annex C: potential AI-related organizational objectives",
        "Annex C: potential risk sources",
    ):
        assert heading in html
    assert 'href="/catalog/6.1.3/"' in html
    assert 'href="/catalog/A.10.4/"' in html
    assert 'href="/catalog/C.3.7/"' in html
    assert [s.key for s in response.context["sections"]] == [
        "clauses",
        "annex-a-objective",
        "annex-c-objective",
        "annex-c-risk-source",
    ]


def test_search_lists_matches_flat(personas, catalog, django_assert_max_num_queries):
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        response = client.get("/catalog/?q=impact assessment")
    refs = [item.ref for item in response.context["page"].items]
    assert "6.1.4" in refs
    assert "A.5.2" in refs
    assert "4.1" not in refs
    assert "sections" not in response.context
    assert '<th scope="row"><code class="ref">A.5.2</code></th>' in response.content.decode()


def test_search_matches_refs_and_summaries(personas, catalog):
    client = personas.client("viewer")
    by_ref = client.get("/catalog/?q=A.6.2")
    # A.6 itself matches through its summary, which names its sub-objective A.6.2.
    assert [item.ref for item in by_ref.context["page"].items][:3] == ["A.6", "A.6.2.2", "A.6.2.3"]
    by_summary = client.get("/catalog/?q=data poisoning")
    assert [item.ref for item in by_summary.context["page"].items] == ["C.2.10"]


def test_kind_filter_lists_only_that_kind(personas, catalog):
    response = personas.client("viewer").get("/catalog/?kind=risk_source")
    assert [item.ref for item in response.context["page"].items] == [f"C.3.{n}" for n in range(1, 8)]


def test_search_results_are_paginated(personas, catalog):
    response = personas.client("viewer").get("/catalog/?kind=control&page=2&page_size=30")
    page = response.context["page"]
    assert [item.ref for item in page.items][:1] == ["A.8.4"]
    assert len(page.items) == 8
    assert not page.has_next
    assert 'href="?kind=control&amp;page=1"' in response.content.decode()


def test_an_unknown_kind_shows_the_error_and_the_tree(personas, catalog):
    response = personas.client("viewer").get("/catalog/?kind=guideline")
    assert response.status_code == 200
    assert "sections" in response.context
    assert "Select a valid choice" in response.content.decode()


def test_no_match_says_so(personas, catalog):
    response = personas.client("viewer").get("/catalog/?q=blockchain")
    assert "No catalogue item matches this search." in response.content.decode()


def test_htmx_search_gets_only_the_results(personas, catalog):
    response = personas.client("viewer").get("/catalog/?q=policy", headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "<h1>" not in html


def test_an_empty_catalogue_says_how_to_load_it(personas):
    response = personas.client("viewer").get("/catalog/")
    assert "aims catalog load" in response.content.decode()


def test_item_page_shows_summary_documented_information_parent_and_children(
    personas, catalog, django_assert_max_num_queries
):
    client = personas.client("viewer")
    with django_assert_max_num_queries(8):
        response = client.get("/catalog/6.1/")
    html = response.content.decode()
    assert [child.ref for child in response.context["detail"].children] == [
        "6.1.1",
        "6.1.2",
        "6.1.3",
        "6.1.4",
    ]
    assert 'href="/catalog/6/"' in html
    with django_assert_max_num_queries(8):
        response = client.get("/catalog/6.1.3/")
    html = response.content.decode()
    assert "Statement of Applicability" in html
    assert [a.ref for a in response.context["detail"].ancestors] == ["6", "6.1"]
    assert '<li aria-current="page">6.1.3</li>' in html


def test_a_control_page_links_to_its_objective(personas, catalog):
    html = personas.client("viewer").get("/catalog/A.6.2.8/").content.decode()
    assert "AI system recording of event logs" in html
    assert 'href="/catalog/A.6/"' in html
    assert "Control in Annex A" in html


def test_an_unknown_item_is_404(personas, catalog):
    assert personas.client("viewer").get("/catalog/A.99/").status_code == 404
