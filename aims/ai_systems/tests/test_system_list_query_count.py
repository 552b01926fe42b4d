from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.ai_systems.tests.conftest import make_system


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def _systems(personas, start, stop):
    for n in range(start, stop):
        make_system(personas.org, n, owner=personas.manager if n % 2 else personas.contributor)


def test_list_page_queries_do_not_grow_with_systems_or_page_size(personas, django_assert_max_num_queries):
    client = personas.client("contributor")
    _systems(personas, 1, 4)
    few = _queries(client, "/o/acme/systems/", {"page_size": 2})
    _systems(personas, 4, 60)
    many = _queries(client, "/o/acme/systems/", {"page_size": 50})
    filtered = _queries(
        client, "/o/acme/systems/", {"page_size": 50, "q": "System", "due": "on", "sort": "stage"}
    )
    assert few == many == filtered
    with django_assert_max_num_queries(10):
        client.get("/o/acme/systems/", {"page_size": 50})


def test_list_endpoint_queries_do_not_grow_with_systems_or_page_size(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    _systems(personas, 1, 4)
    few = _queries(client, "/api/v1/ai-systems", {"organization": "acme", "page_size": 2})
    across = _queries(client, "/api/v1/ai-systems", {"page_size": 2})
    _systems(personas, 4, 60)
    many = _queries(client, "/api/v1/ai-systems", {"organization": "acme", "page_size": 50})
    assert few == many
    assert across <= many
    with django_assert_max_num_queries(6):
        client.get("/api/v1/ai-systems", {"organization": "acme", "page_size": 50})
