"""The heat maps count open risks per cell, inherent and residual, coloured by the criteria in force."""

from aims.risks import actions, queries
from aims.web.testing import ROLES, assert_permission_matrix


def _rate(personas, title, inherent, residual=None):
    risk = actions.identify_risk(actor=personas.manager, organization=personas.org, title=title)
    actions.assess_risk(actor=personas.manager, risk=risk, likelihood=inherent[0], consequence=inherent[1])
    if residual:
        actions.plan_treatment(
            actor=personas.manager,
            risk=risk,
            option="retain",
            plan="p",
            controls=[],
            residual_likelihood=residual[0],
            residual_consequence=residual[1],
        )
    return risk


def _cell(grid, likelihood, consequence):
    return next(
        c for row in grid.rows for c in row if (c.likelihood, c.consequence) == (likelihood, consequence)
    )


def test_inherent_and_residual_counts_land_in_their_cells(personas, foreign, django_assert_num_queries):
    _rate(personas, "A", (4, 4), (2, 2))
    _rate(personas, "B", (4, 4))
    closed = _rate(personas, "C", (4, 4))
    actions.close_risk(actor=personas.owner, risk=closed, reason="Gone")
    spec = actions.ensure_default_criteria(personas.org).spec()
    with django_assert_num_queries(1):
        inherent = queries.heat_map(personas.org, False, spec=spec)
    residual = queries.heat_map(personas.org, True, spec=spec)
    assert _cell(inherent, 4, 4).count == 2
    assert (_cell(inherent, 4, 4).level_key, _cell(inherent, 4, 4).colour) == ("high", "orange")
    assert inherent.total == 2
    assert _cell(residual, 2, 2).count == 1
    assert residual.total == 1
    assert [row[0].likelihood for row in inherent.rows] == [5, 4, 3, 2, 1]


def test_the_heat_map_page_shows_both_maps_with_links_to_the_cell(personas, foreign):
    _rate(personas, "A", (5, 5), (3, 2))
    url = "/o/acme/risks/heat-map/"
    assert_permission_matrix(personas, "GET", url, ROLES)
    page = personas.client("viewer").get(url).content.decode()
    assert "?likelihood=5&amp;consequence=5" in page
    assert "?likelihood=3&amp;consequence=2&amp;residual=on" in page
    partial = personas.client("viewer").get(url, headers={"HX-Request": "true"}).content.decode()
    assert partial.lstrip().startswith('<div id="heat-maps">')
    assert "1 open risk rated" in page


def test_the_heat_map_page_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    _rate(personas, "A", (5, 5), (3, 2))
    client = personas.client("viewer")
    with django_assert_max_num_queries(12) as few:
        client.get("/o/acme/risks/heat-map/")
    for number in range(10):
        _rate(personas, f"B{number}", (number % 5 + 1, 3), (1, 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/o/acme/risks/heat-map/").status_code == 200


def test_a_heat_map_can_be_limited_to_one_ai_system(personas, assessed, system):
    _rate(personas, "Organisation-wide", (4, 4))
    spec = actions.ensure_default_criteria(personas.org).spec()
    assert queries.heat_map(personas.org, False, spec=spec).total == 2
    only = queries.heat_map(personas.org, False, spec=spec, ai_system=system)
    assert (only.total, _cell(only, 4, 4).count) == (1, 1)
