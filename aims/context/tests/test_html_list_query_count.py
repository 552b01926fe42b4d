"""The HTML lists cost the same number of queries however many records a page shows."""

import pytest

from aims.context.tests.test_list_query_count import _fill


@pytest.mark.parametrize("path", ["", "obligations/", "parties/"])
def test_html_lists_take_a_fixed_number_of_queries(personas, django_assert_max_num_queries, path):
    url = f"/o/acme/context/{path}?page_size=50"
    client = personas.client("viewer")
    _fill(personas, 3, 0)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _fill(personas, 40, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200
