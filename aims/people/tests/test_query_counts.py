from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.people.models import RaciEntry, RoleAssignment
from aims.people.tests.conftest import START, make_role


def _queries(client, url, params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def _roles(personas, start, stop):
    for n in range(start, stop):
        role = make_role(personas.org, n)
        RoleAssignment.objects.create(role=role, user=personas.viewer, since=START)
        RaciEntry.objects.create(
            organization=personas.org, kind="process", process=f"P{n}", role=role, letter="A"
        )


def test_role_pages_and_endpoints_do_not_grow_with_data_or_page_size(personas, django_assert_max_num_queries):
    client = personas.client("viewer")
    urls = [
        ("/o/acme/people/", {}),
        ("/o/acme/people/raci/", {"kind": "process"}),
        ("/api/v1/people/roles", {"organization": "acme"}),
        ("/api/v1/people/raci", {"organization": "acme"}),
    ]
    _roles(personas, 1, 4)
    few = [_queries(client, url, {**params, "page_size": 2}) for url, params in urls]
    _roles(personas, 4, 40)
    many = [_queries(client, url, {**params, "page_size": 50}) for url, params in urls]
    assert few == many
    with django_assert_max_num_queries(10):
        client.get("/o/acme/people/", {"page_size": 50, "q": "Role", "sort": "-holders"})


def _concerns(personas, start, stop):
    from aims.people.models import Concern

    for n in range(start, stop):
        Concern.objects.create(
            organization=personas.org,
            reference=f"CON-{n:03d}",
            channel="member",
            reporter=personas.viewer,
            category="other",
            description="x",
            received_on=START,
            assigned_investigator=personas.auditor,
        )


def test_concern_pages_and_endpoints_do_not_grow_with_data_or_page_size(personas):
    urls = [("/o/acme/people/concerns/", {}), ("/api/v1/people/concerns", {"organization": "acme"})]
    for persona in ("manager", "viewer"):
        client = personas.client(persona)
        _concerns(personas, 1 if persona == "manager" else 100, 4 if persona == "manager" else 103)
        few = [_queries(client, url, {**params, "page_size": 2}) for url, params in urls]
        _concerns(personas, 10 if persona == "manager" else 110, 40 if persona == "manager" else 140)
        many = [_queries(client, url, {**params, "page_size": 50}) for url, params in urls]
        assert few == many


def test_communication_pages_and_endpoints_do_not_grow_with_data_or_page_size(personas):
    from aims.people.models import CommunicationLog, CommunicationPlanItem

    def add(start, stop):
        for n in range(start, stop):
            item = CommunicationPlanItem.objects.create(
                organization=personas.org,
                what=f"W{n}",
                audience="Staff",
                frequency="Monthly",
                channel="email",
                communicator=personas.manager,
            )
            CommunicationLog.objects.create(
                organization=personas.org,
                plan_item=item,
                communicated_on=START,
                audience="Staff",
                summary="x",
                communicated_by=personas.viewer,
            )

    client = personas.client("viewer")
    urls = [
        ("/o/acme/people/communication/", {}),
        ("/o/acme/people/communication/log/", {}),
        ("/api/v1/people/communications/plan", {"organization": "acme"}),
        ("/api/v1/people/communications/log", {"organization": "acme"}),
    ]
    add(1, 4)
    few = [_queries(client, url, {**params, "page_size": 2}) for url, params in urls]
    add(4, 40)
    many = [_queries(client, url, {**params, "page_size": 50}) for url, params in urls]
    assert few == many
