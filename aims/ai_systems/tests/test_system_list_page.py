import datetime

from aims.ai_systems.tests.conftest import make_system
from aims.web.testing import ROLES, assert_permission_matrix

URL = "/o/acme/systems/"


def _html(personas, persona="viewer", **params):
    response = personas.client(persona).get(URL, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_is_for_members_only(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES)


def test_an_empty_inventory_invites_editors_to_register_the_first_system(personas):
    html = _html(personas, "contributor")
    assert "No AI systems in the inventory yet" in html
    assert "Register the first AI system" in html
    assert "Register the first AI system" not in _html(personas, "viewer")


def test_the_list_shows_which_requirements_the_inventory_evidences(personas):
    assert "A.4.2" in _html(personas)


def test_search_covers_reference_name_and_purpose(personas):
    make_system(personas.org, 1, name="Credit scorer")
    make_system(personas.org, 2, reference="CHAT-7")
    make_system(personas.org, 3, purpose="Ranks applicants for credit lines")
    make_system(personas.org, 4)
    html = _html(personas, q="credit")
    assert "Credit scorer" in html
    assert "System 0003" in html
    assert "System 0004" not in html
    assert "System 0002" in _html(personas, q="chat-7")


def test_filters_by_stage_class_scope_owner_status_and_review(personas):
    past = datetime.date(2020, 1, 1)
    make_system(personas.org, 1, lifecycle_stage="deployment")
    make_system(personas.org, 2, risk_class="high")
    make_system(personas.org, 3, in_scope=False)
    make_system(personas.org, 4, owner=personas.manager)
    make_system(personas.org, 5, status="archived")
    make_system(personas.org, 6, next_review_on=past)
    make_system(personas.org, 7, status="draft")
    expectations = {
        "stage=deployment": {1},
        "risk_class=high": {2},
        "risk_class=unclassified": {1, 3, 4, 6, 7},
        "in_scope=no": {3},
        f"owner={personas.manager.pk}": {4},
        "status=archived": {5},
        "status=draft": {7},
        "status=all": {1, 2, 3, 4, 5, 6, 7},
        "due=on": {6},
        "": {1, 2, 3, 4, 6, 7},
    }
    for query, numbers in expectations.items():
        html = personas.client("viewer").get(f"{URL}?{query}").content.decode()
        shown = {n for n in range(1, 8) if f"System {n:04d}" in html}
        assert shown == numbers, query


def test_bad_filter_values_ask_for_a_correction(personas):
    make_system(personas.org, 1)
    response = personas.client("viewer").get(URL, {"stage": "hibernation"})
    assert response.status_code == 400
    assert b"Correct the filters" in response.content
    assert b"System 0001" not in response.content


def test_a_filter_that_matches_nothing_says_so(personas):
    make_system(personas.org, 1)
    assert "No AI system matches these filters" in _html(personas, q="nothing like it")


def test_sorting_by_whitelisted_keys(personas):
    make_system(personas.org, 1, name="Bravo", reference="R-2", lifecycle_stage="retirement")
    make_system(personas.org, 2, name="Alpha", reference="R-3", lifecycle_stage="design_development")
    make_system(personas.org, 3, name="Charlie", reference="R-1", lifecycle_stage="inception")

    def order(sort):
        html = _html(personas, sort=sort)
        return sorted(["Alpha", "Bravo", "Charlie"], key=html.index)

    assert order("name") == ["Alpha", "Bravo", "Charlie"]
    assert order("-name") == ["Charlie", "Bravo", "Alpha"]
    assert order("reference") == ["Charlie", "Bravo", "Alpha"]
    assert order("stage") == ["Charlie", "Alpha", "Bravo"]  # life-cycle order, not alphabetical
    assert order("-stage") == ["Bravo", "Alpha", "Charlie"]
    assert personas.client("viewer").get(URL, {"sort": "password"}).status_code == 400


def test_systems_without_a_review_date_come_last_either_way(personas):
    make_system(personas.org, 1, name="Undated")
    make_system(personas.org, 2, name="Early", next_review_on=datetime.date(2027, 1, 1))
    make_system(personas.org, 3, name="Late", next_review_on=datetime.date(2028, 1, 1))
    for sort, expected in (
        ("next_review", ["Early", "Late", "Undated"]),
        ("-next_review", ["Late", "Early", "Undated"]),
    ):
        html = _html(personas, sort=sort)
        assert sorted(expected, key=html.index) == expected


def test_pages_follow_one_another(personas):
    for n in range(1, 6):
        make_system(personas.org, n)
    first = _html(personas, page_size=2)
    assert "System 0001" in first
    assert "System 0003" not in first
    assert 'rel="next"' in first
    last = _html(personas, page_size=2, page=3)
    assert "System 0005" in last
    assert 'rel="next"' not in last


def test_an_htmx_request_gets_only_the_table(personas):
    make_system(personas.org, 1)
    response = personas.client("viewer").get(URL, {"q": "System"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="ai-systems"')
    assert "System 0001" in html
    assert "<html" not in html
