"""Lists and the functions other apps call cost the same number of queries however many rows they show."""

from datetime import timedelta

import pytest
from django.utils import timezone

from aims.ai_systems.models import AISystem
from aims.evidence.models import Evidence, EvidenceLink
from aims.evidence.queries import evidence_counts, evidence_for_requirement, requirement_evidence_counts
from aims.evidence.tests.conftest import COLLECTED


def _fill(personas, count, start, system=None):
    made = Evidence.objects.bulk_create(
        [
            Evidence(
                organization=personas.org,
                number=number,
                title=f"Evidence {number}",
                kind="link",
                url=f"https://x.test/{number}",
                owner=personas.manager,
                collected_on=COLLECTED,
                valid_until=timezone.localdate() + timedelta(days=number % 40 - 10),
            )
            for number in range(start, start + count)
        ]
    )
    made = list(Evidence.objects.filter(number__gte=start, number__lt=start + count))
    if system is not None:
        EvidenceLink.objects.bulk_create(
            [EvidenceLink(organization=personas.org, evidence=e, record=system) for e in made]
        )
    return made


@pytest.mark.parametrize(
    "url",
    [
        "/o/acme/evidence/?page_size=50",
        "/o/acme/evidence/expiring/?page_size=50",
        "/api/v1/evidence?organization=acme&page_size=50",
    ],
)
def test_lists_take_a_fixed_number_of_queries(personas, django_assert_max_num_queries, url):
    client = personas.client("viewer")
    _fill(personas, 3, 1)
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    _fill(personas, 40, 100)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_links_endpoint_takes_a_fixed_number_of_queries(personas, django_assert_max_num_queries):
    systems = [
        AISystem.objects.create(
            organization=personas.org, reference=f"AIS-{n:03d}", name=f"S{n}", purpose="x"
        )
        for n in range(30)
    ]
    [evidence] = _fill(personas, 1, 1)
    client = personas.client("viewer")
    url = f"/api/v1/evidence/{evidence.pk}/links"
    EvidenceLink.objects.create(organization=personas.org, evidence=evidence, record=systems[0])
    with django_assert_max_num_queries(12) as small:
        assert client.get(url).status_code == 200
    EvidenceLink.objects.bulk_create(
        [EvidenceLink(organization=personas.org, evidence=evidence, record=s) for s in systems[1:]]
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert len(response.json()["items"]) == 30


def test_evidence_counts_takes_one_query_for_many_records(personas, django_assert_num_queries):
    systems = [
        AISystem.objects.create(
            organization=personas.org, reference=f"AIS-{n:03d}", name=f"S{n}", purpose="x"
        )
        for n in range(3)
    ]
    _fill(personas, 4, 1, systems[0])
    _fill(personas, 2, 10, systems[1])
    Evidence.objects.filter(number=1).update(status=Evidence.Status.RETIRED)
    with django_assert_num_queries(1):
        counts = evidence_counts(systems)
    assert counts == {systems[0].pk: 3, systems[1].pk: 2}


def test_requirement_counts_take_one_query(personas, catalog, django_assert_num_queries):
    from aims.evidence.links import find_requirement

    items = [find_requirement("9.2"), find_requirement("A.6.2.4")]
    for evidence in _fill(personas, 3, 1):
        EvidenceLink.objects.create(organization=personas.org, evidence=evidence, item=items[1])
    with django_assert_num_queries(1):
        counts = requirement_evidence_counts(personas.org, items)
    assert counts == {items[1].pk: 3}
    assert evidence_for_requirement(personas.org, items[1]).count() == 3
    assert not evidence_for_requirement(personas.other_org, items[1]).exists()
