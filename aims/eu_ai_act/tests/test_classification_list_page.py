"""/o/<org>/eu-ai-act/: the organisation's systems with their current class, filtered, sorted, paged."""

import pytest

from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.tests.conftest import make_system
from aims.web.testing import ROLES, assert_permission_matrix

URL = "/o/acme/eu-ai-act/"


@pytest.fixture
def classified(personas, system, foreign_system):
    chatbot = make_system(personas.org, "AIS-002", "Support chatbot")
    make_system(personas.org, "AIS-003", "Unclassified planner")
    for ai_system, (role, answers) in ((system, ("provider", examples.CREDIT_SCORING)),
                                       (chatbot, ("deployer", examples.CHATBOT))):  # fmt: skip
        classify_ai_system(actor=personas.manager, ai_system=ai_system, answers=answers, operator_role=role)
    classify_ai_system(
        actor=personas.outsider, ai_system=foreign_system, answers=examples.SOCIAL_SCORING,
        operator_role="provider",
    )  # fmt: skip


def names(response):
    return [system.name for system in response.context["page"].items]


def test_every_member_sees_the_list_and_no_one_else(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES)


def test_the_list_shows_each_system_with_its_class_and_role(personas, classified):
    response = personas.client("viewer").get(URL)
    assert names(response) == ["Credit scoring model", "Support chatbot", "Unclassified planner"]
    page = response.content.decode()
    assert "High-risk" in page
    assert "Limited risk (transparency)" in page
    assert "Not classified" in page
    assert "Deployer" in page
    assert 'href="/catalog/A.10.2/"' in page


def test_another_organisations_systems_are_never_listed(personas, classified):
    response = personas.client("owner").get(URL, {"risk_class": "prohibited"})
    assert names(response) == []
    assert b"Globex secret scorer" not in personas.client("owner").get(URL).content


def test_filter_by_class_and_not_yet_classified(personas, classified):
    client = personas.client("viewer")
    assert names(client.get(URL, {"risk_class": "high"})) == ["Credit scoring model"]
    assert names(client.get(URL, {"risk_class": "unclassified"})) == ["Unclassified planner"]


def test_filter_by_role_and_search(personas, classified):
    client = personas.client("viewer")
    assert names(client.get(URL, {"operator_role": "deployer"})) == ["Support chatbot"]
    assert names(client.get(URL, {"q": "ais-003"})) == ["Unclassified planner"]
    assert names(client.get(URL, {"q": "chat"})) == ["Support chatbot"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-name", ["Unclassified planner", "Support chatbot", "Credit scoring model"]),
        ("risk", ["Credit scoring model", "Support chatbot", "Unclassified planner"]),
        ("-risk", ["Unclassified planner", "Support chatbot", "Credit scoring model"]),
        ("-reference", ["Unclassified planner", "Support chatbot", "Credit scoring model"]),
    ],
)
def test_sorting_by_a_whitelisted_key(personas, classified, sort, expected):
    assert names(personas.client("viewer").get(URL, {"sort": sort})) == expected


def test_sorting_by_classification_date_puts_never_classified_systems_as_oldest(personas, classified):
    client = personas.client("viewer")
    newest_first = ["Support chatbot", "Credit scoring model", "Unclassified planner"]
    assert names(client.get(URL, {"sort": "-classified"})) == newest_first
    assert names(client.get(URL, {"sort": "classified"})) == newest_first[::-1]


def test_an_unknown_filter_value_is_a_form_error(personas, classified):
    response = personas.client("viewer").get(URL, {"risk_class": "apocalyptic", "sort": "pk; drop table"})
    assert response.status_code == 400
    assert response.context["page"] is None
    assert b"Select a valid choice" in response.content


def test_pages_follow_the_one_convention(personas, classified):
    client = personas.client("viewer")
    first = client.get(URL, {"page_size": 2})
    assert names(first) == ["Credit scoring model", "Support chatbot"]
    assert first.context["page"].has_next
    assert b'rel="next"' in first.content
    second = client.get(URL, {"page_size": 2, "page": 2})
    assert names(second) == ["Unclassified planner"]
    assert not second.context["page"].has_next


def test_an_htmx_request_gets_only_the_list(personas, classified):
    response = personas.client("viewer").get(URL, {"q": "chat"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b'id="eu-systems"' in response.content
    assert b"<html" not in response.content


def test_only_editors_see_the_classify_links(personas, classified):
    assert b"Reclassify" in personas.client("contributor").get(URL).content
    assert b"Reclassify" not in personas.client("auditor").get(URL).content


def test_archived_systems_are_not_listed(personas, classified):
    make_system(personas.org, "AIS-009", "Retired scorer", status="archived")
    assert "Retired scorer" not in names(personas.client("viewer").get(URL))
