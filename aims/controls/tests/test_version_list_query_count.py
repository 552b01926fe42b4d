"""The version lists cost the same number of queries however many versions there are."""

import pytest

from aims.controls import actions

from .conftest import decide_all


@pytest.mark.parametrize(
    "url", ["/o/acme/controls/versions/", "/api/v1/controls/soa/versions?organization=acme&page_size=50"]
)
def test_version_lists_take_a_fixed_number_of_queries(
    personas, controls, url, django_assert_num_queries, django_assert_max_num_queries
):
    decide_all(personas, controls)
    client = personas.client("auditor")
    actions.approve_soa(actor=personas.manager, organization=personas.org)
    with django_assert_max_num_queries(8) as few:
        assert client.get(url).status_code == 200
    for _ in range(6):
        actions.approve_soa(actor=personas.owner, organization=personas.org)
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "Version 7" in response.content.decode() or '"number": 7' in response.content.decode()
