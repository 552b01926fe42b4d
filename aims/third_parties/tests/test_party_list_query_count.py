from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.third_parties import actions
from aims.third_parties.bench import seed_bench


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def _grow(personas, count):
    seed_bench(personas.org, count, batch_size=25)


def test_the_list_page_queries_do_not_grow_with_the_data_or_the_page_size(personas, system):
    client = personas.client("viewer")
    _grow(personas, 3)
    few = _queries(client, "/o/acme/third-parties/", {"page_size": 2})
    _grow(personas, 60)
    many = _queries(client, "/o/acme/third-parties/", {"page_size": 50})
    filtered = _queries(
        client,
        "/o/acme/third-parties/",
        {"page_size": 50, "kind": "supplier", "category": "cloud", "sort": "-updated"},
    )
    assert few == many == filtered
    assert many <= 8


def test_the_detail_page_queries_do_not_grow_with_relationships_or_checks(personas, party, system):
    client = personas.client("viewer")
    url = f"/o/acme/third-parties/{party.pk}/"
    actions.create_relationship(actor=personas.manager, third_party=party, subject="one", ai_system=system)
    few = _queries(client, url, {})
    for number in range(6):
        actions.create_relationship(actor=personas.manager, third_party=party, subject=f"more {number}")
        actions.record_due_diligence(
            actor=personas.manager,
            third_party=party,
            outcome="approved",
            performed_on=date(2025, 1, number + 1),
        )
    assert _queries(client, url, {}) == few


def test_the_list_endpoints_queries_do_not_grow_with_the_data_or_the_page_size(personas, system):
    client = personas.client("viewer")
    _grow(personas, 3)
    few = _queries(client, "/api/v1/third-parties", {"organization": "acme", "page_size": 2})
    rel_few = _queries(
        client, "/api/v1/third-parties/relationships", {"organization": "acme", "page_size": 2}
    )
    _grow(personas, 60)
    many = _queries(client, "/api/v1/third-parties", {"organization": "acme", "page_size": 50})
    rel_many = _queries(
        client, "/api/v1/third-parties/relationships", {"organization": "acme", "page_size": 50}
    )
    assert few == many
    assert rel_few == rel_many
    assert many <= 6
