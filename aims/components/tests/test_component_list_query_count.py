"""List pages and list endpoints run the same number of queries whatever the page size and data size."""

from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from aims.components import actions
from aims.components.tests.conftest import DATASET_DATA, MODEL_DATA, RESOURCE_DATA


def _queries(client: Client, url: str, params: dict[str, Any]) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200, response.content
    return len(captured)


def _fill(personas, systems, start: int, count: int) -> None:
    org, actor = personas.org, personas.owner
    for number in range(start, start + count):
        linked = [systems.scoring, systems.chatbot][: number % 3]
        actions.create_ai_model(
            actor=actor, organization=org, data={**MODEL_DATA, "reference": f"M{number}"}, ai_systems=linked
        )
        actions.create_dataset(
            actor=actor, organization=org, data={**DATASET_DATA, "reference": f"D{number}"}, ai_systems=linked
        )
        actions.create_resource(
            actor=actor,
            organization=org,
            data={**RESOURCE_DATA, "reference": f"R{number}"},
            ai_systems=linked,
        )
        actions.create_competence_need(
            actor=actor,
            ai_system=systems.scoring,
            data={"competence": f"Skill {number}", "area": "other", "description": ""},
            holders=[personas.viewer, personas.contributor][: number % 3],
        )


PAGES = [
    ("/o/acme/components/", {}),
    ("/o/acme/components/datasets/", {"personal_data": "yes"}),
    ("/o/acme/components/resources/", {"kind": "computing"}),
    ("/o/acme/components/competences/", {"area": "other"}),
]
ENDPOINTS = [
    ("/api/v1/models", {"organization": "acme"}),
    ("/api/v1/datasets", {"organization": "acme", "category": "training"}),
    ("/api/v1/resources", {"organization": "acme", "sort": "-updated"}),
    ("/api/v1/competence-needs", {"organization": "acme"}),
]


@pytest.mark.parametrize(("url", "filters"), PAGES + ENDPOINTS)
def test_list_queries_do_not_grow_with_rows_or_page_size(personas, systems, url, filters):
    client = personas.client("viewer")
    _fill(personas, systems, 0, 3)
    few = _queries(client, url, {**filters, "page_size": 2})
    _fill(personas, systems, 3, 30)
    many = _queries(client, url, {**filters, "page_size": 40})
    assert few == many
    assert many <= (12 if url.startswith("/o/") else 7)
