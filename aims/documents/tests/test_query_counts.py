"""The register list and list endpoint read a fixed number of queries, however many rows a page has."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from aims.documents import actions
from aims.documents.tests.conftest import draft_of, publish
from aims.web.testing import Personas


def _documents(personas: Personas, count: int) -> None:
    for number in range(count):
        document = actions.create_document(
            actor=personas.contributor,
            organization=personas.org,
            title=f"Procedure {number}",
            kind="procedure",
            owner=personas.manager,
            distribution=[personas.viewer],
            body="Text",
        )
        if number % 2:
            publish(personas, draft_of(document))


def test_the_list_page_reads_a_fixed_number_of_queries(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    _documents(personas, 6)
    client = personas.client("viewer")
    url = reverse("documents:document_list", kwargs={"org": "acme"})
    client.get(url)
    # session, user, organisation, role, members (owner filter), the page of rows, the nav's organisations
    with django_assert_num_queries(7):
        page = client.get(url, {"sort": "-review"}).content.decode()
    assert page.count("Procedure ") == 6


def test_the_list_endpoint_reads_a_fixed_number_of_queries(
    personas: Personas, django_assert_num_queries: Any
) -> None:
    _documents(personas, 6)
    client = personas.client("viewer")
    client.get("/api/v1/documents", {"organization": "acme"})
    # session, user, organisation, role, the page of rows, the distribution lists
    with django_assert_num_queries(6):
        body = client.get("/api/v1/documents", {"organization": "acme"}).json()
    assert len(body["items"]) == 6
    assert body["items"][1]["current_version"] == 1
    assert body["items"][1]["distribution"] == ["viewer@acme.test"]
