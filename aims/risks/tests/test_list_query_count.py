"""The register page and the API list cost the same number of queries however many risks a page shows."""

import pytest

from aims.ai_systems.models import AISystem
from aims.controls.models import Control
from aims.risks import actions


def _fill(personas, count, start):
    org = personas.org
    control = Control.objects.get_or_create(organization=org, reference="ORG-1", defaults={"title": "C"})[0]
    system = AISystem.objects.create(organization=org, reference=f"S-{start}", name=f"S{start}", purpose="x")
    for number in range(start, start + count):
        risk = actions.identify_risk(
            actor=personas.manager,
            organization=org,
            title=f"Risk {number}",
            ai_system=system,
            owner=personas.contributor,
        )
        actions.assess_risk(actor=personas.manager, risk=risk, likelihood=3, consequence=4)
        actions.plan_treatment(
            actor=personas.manager,
            risk=risk,
            option="modify",
            plan="p",
            controls=[control],
            residual_likelihood=2,
            residual_consequence=2,
        )


@pytest.mark.parametrize(
    "url",
    [
        "/o/acme/risks/?page_size=50",
        "/o/acme/risks/?page_size=50&due=on&sort=-level",
        "/api/v1/risks?organization=acme&page_size=50",
        "/api/v1/risks?organization=acme&page_size=50&ai_system=S-0&ordering=-residual",
    ],
)
def test_lists_take_a_fixed_number_of_queries(personas, django_assert_max_num_queries, url):
    client = personas.client("viewer")
    _fill(personas, 3, 0)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _fill(personas, 30, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    if url.startswith("/api/") and "ai_system" not in url:
        assert len(response.json()["items"]) == 33
