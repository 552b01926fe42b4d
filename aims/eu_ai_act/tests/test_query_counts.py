"""Lists read a fixed number of queries, whatever the number of systems, classifications or the page size."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.tests.conftest import make_system

ANSWER_SETS = [
    ("provider", examples.CREDIT_SCORING),
    ("deployer", examples.CHATBOT),
    ("deployer", examples.MINIMAL),
]


def add_systems(personas, start, count):
    for number in range(start, start + count):
        system = make_system(personas.org, f"Q-{number:03d}", f"System {number:03d}")
        for role, answers in ANSWER_SETS[: 1 + number % 3]:
            classify_ai_system(actor=personas.manager, ai_system=system, answers=answers, operator_role=role)


def queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_the_list_page_queries_do_not_grow_with_systems_or_page_size(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    url = "/o/acme/eu-ai-act/"
    add_systems(personas, 0, 2)
    few = queries(client, url, {"page_size": 2})
    add_systems(personas, 2, 25)
    many = queries(client, url, {"page_size": 25})
    sorted_filtered = queries(
        client, url, {"page_size": 25, "sort": "-classified", "operator_role": "deployer"}
    )
    assert few == many == sorted_filtered
    with django_assert_max_num_queries(8):
        client.get(url, {"page_size": 50, "sort": "risk"})


def test_the_result_page_queries_do_not_grow_with_history(personas, system, django_assert_max_num_queries):
    client = personas.client("viewer")
    url = f"/o/acme/eu-ai-act/systems/{system.pk}/"
    classify_ai_system(
        actor=personas.owner, ai_system=system, answers=examples.MINIMAL, operator_role="deployer"
    )
    few = queries(client, url, {"page_size": 1})
    for role in ("provider", "importer", "distributor"):
        for answers in (examples.CHATBOT, examples.CREDIT_SCORING):
            classify_ai_system(actor=personas.owner, ai_system=system, answers=answers, operator_role=role)
    many = queries(client, url, {"page_size": 5})
    assert many <= few + 1  # + the row after the page, read to compare the page's last entry with
    with django_assert_max_num_queries(10):
        client.get(url, {"page_size": 50})


def test_the_api_lists_do_not_grow_with_classifications(personas, system, django_assert_max_num_queries):
    client = personas.client("viewer")
    org_url = "/api/v1/eu-ai-act/classifications"
    history_url = f"/api/v1/eu-ai-act/systems/{system.pk}/classifications"
    add_systems(personas, 0, 2)
    classify_ai_system(
        actor=personas.owner, ai_system=system, answers=examples.MINIMAL, operator_role="deployer"
    )
    few = (
        queries(client, org_url, {"organization": "acme", "page_size": 1}),
        queries(client, history_url, {}),
    )
    add_systems(personas, 2, 20)
    classify_ai_system(
        actor=personas.owner, ai_system=system, answers=examples.CHATBOT, operator_role="deployer"
    )
    many = (
        queries(client, org_url, {"organization": "acme", "page_size": 50, "state": "all"}),
        queries(client, history_url, {"page_size": 50}),
    )
    assert few == many
    with django_assert_max_num_queries(6):
        client.get(org_url, {"organization": "acme", "page_size": 100})
