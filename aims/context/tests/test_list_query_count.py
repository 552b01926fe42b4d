"""Lists cost the same number of queries however many records a page shows."""

import pytest

from aims.ai_systems.models import AISystem
from aims.context.models import ContextIssue, InterestedParty, Obligation


def _fill(personas, count, start):
    org = personas.org
    system = AISystem.objects.create(organization=org, reference=f"S-{start}", name=f"S{start}", purpose="x")
    for number in range(start, start + count):
        issue = ContextIssue.objects.create(
            organization=org,
            reference=f"I-{number:04d}",
            kind="internal",
            category="other",
            title="t",
            owner=personas.owner,
        )
        obligation = Obligation.objects.create(
            organization=org,
            reference=f"O-{number:04d}",
            kind="legal",
            title="t",
            source="s",
            owner=personas.owner,
        )
        issue.ai_systems.add(system)
        obligation.ai_systems.add(system)
        InterestedParty.objects.create(organization=org, name=f"Party {number}", kind="customers")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/context/issues?organization=acme&page_size=50",
        "/api/v1/context/obligations?organization=acme&page_size=50",
        "/api/v1/context/interested-parties?organization=acme&page_size=50",
    ],
)
def test_api_lists_take_a_fixed_number_of_queries(personas, django_assert_max_num_queries, url):
    client = personas.client("viewer")
    _fill(personas, 3, 0)
    with django_assert_max_num_queries(8) as small:
        assert client.get(url).status_code == 200
    _fill(personas, 40, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.json()["items"]) == 43
