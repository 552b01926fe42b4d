from datetime import timedelta

from django.utils import timezone

from aims.third_parties import actions
from aims.third_parties.models import ThirdParty
from aims.web.testing import ROLES, assert_permission_matrix

URL = "/o/acme/third-parties/"


def _add(personas, reference, name, **values):
    return actions.create_third_party(
        actor=personas.manager, organization=personas.org, reference=reference, name=name, **values
    )


def _names(response):
    return [party.name for party in response.context["page"].items]


def test_every_member_sees_the_list_and_no_one_else(personas):
    assert_permission_matrix(personas, "GET", URL, ROLES)


def test_the_list_shows_what_the_register_evidences(personas, party):
    response = personas.client("viewer").get(URL)
    assert b"A.10.3" in response.content
    assert b"Lumen Models" in response.content


def test_search_finds_name_reference_or_contact(personas):
    _add(personas, "SUP-1", "Lumen Models", contact="ada@lumen.example")
    _add(personas, "CUS-7", "Harbour Bank", kind="customer")
    client = personas.client("viewer")
    assert _names(client.get(URL, {"q": "harbour"})) == ["Harbour Bank"]
    assert _names(client.get(URL, {"q": "cus-7"})) == ["Harbour Bank"]
    assert _names(client.get(URL, {"q": "ada@"})) == ["Lumen Models"]


def test_filters_by_kind_category_and_status(personas):
    _add(personas, "S-1", "Supplier only", categories=["cloud"])
    _add(personas, "S-2", "Both ways", kind="both", categories=["data_supplier", "service"])
    _add(personas, "C-1", "Customer only", kind="customer", status="prospective")
    archived = _add(personas, "S-3", "Gone")
    actions.archive_third_party(actor=personas.manager, third_party=archived)
    client = personas.client("viewer")
    assert _names(client.get(URL)) == ["Both ways", "Customer only", "Supplier only"]
    assert _names(client.get(URL, {"kind": "supplier"})) == ["Both ways", "Supplier only"]
    assert _names(client.get(URL, {"kind": "customer"})) == ["Both ways", "Customer only"]
    assert _names(client.get(URL, {"category": "service"})) == ["Both ways"]
    assert _names(client.get(URL, {"status": "prospective"})) == ["Customer only"]
    assert _names(client.get(URL, {"status": "archived"})) == ["Gone"]
    assert _names(client.get(URL, {"status": "any"})) == [
        "Both ways",
        "Customer only",
        "Gone",
        "Supplier only",
    ]


def test_filter_by_review_due(personas):
    today = timezone.localdate()
    for reference, name, days in (
        ("A", "Overdue", -1),
        ("B", "Soon", 10),
        ("C", "Later", 90),
        ("D", "Never", None),
    ):
        party = _add(personas, reference, name)
        if days is not None:
            actions.create_relationship(
                actor=personas.manager,
                third_party=party,
                subject="x",
                next_review_on=today + timedelta(days=days),
            )
    client = personas.client("viewer")
    assert _names(client.get(URL, {"review": "overdue"})) == ["Overdue"]
    assert _names(client.get(URL, {"review": "due_30"})) == ["Overdue", "Soon"]
    assert _names(client.get(URL, {"review": "unscheduled"})) == ["Never"]
    assert _names(client.get(URL, {"sort": "next_review"})) == ["Overdue", "Soon", "Later", "Never"]
    assert b"due</mark>" in client.get(URL, {"review": "overdue"}).content


def test_sorting_takes_only_known_keys(personas):
    _add(personas, "B-2", "Alpha")
    _add(personas, "A-1", "Beta")
    client = personas.client("viewer")
    assert _names(client.get(URL, {"sort": "-name"})) == ["Beta", "Alpha"]
    assert _names(client.get(URL, {"sort": "reference"})) == ["Beta", "Alpha"]
    response = client.get(URL, {"sort": "password"})
    assert response.status_code == 400
    assert b"Select a valid choice" in response.content


def test_pages_follow_the_house_convention(personas):
    for number in range(5):
        _add(personas, f"S-{number}", f"Supplier {number}")
    client = personas.client("viewer")
    first = client.get(URL, {"page_size": 2})
    assert _names(first) == ["Supplier 0", "Supplier 1"]
    assert first.context["page"].has_next
    assert b"page=2" in first.content
    last = client.get(URL, {"page_size": 2, "page": 3})
    assert _names(last) == ["Supplier 4"]
    assert not last.context["page"].has_next


def test_an_htmx_request_gets_only_the_list(personas, party):
    response = personas.client("viewer").get(URL, HTTP_HX_REQUEST="true")
    assert b'id="third-parties"' in response.content
    assert b"<html" not in response.content


def test_an_empty_register_explains_itself(personas):
    response = personas.client("viewer").get(URL)
    assert b"No suppliers or customers yet" in response.content
    assert ThirdParty.objects.count() == 0
