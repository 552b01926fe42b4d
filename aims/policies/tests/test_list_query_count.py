"""The policy page and the lists cost the same number of queries however many records they show."""

import pytest

from aims.policies.models import CommitmentRecord, PolicyReview
from aims.policies.tests.conftest import DAY


def _fill(personas, document, count):
    for _ in range(count):
        review = PolicyReview.objects.create(
            organization=personas.org, document=document, version=document.current_version, reviewed_on=DAY,
            outcome="no_change", findings="Fine",
        )  # fmt: skip
        review.reviewers.set([personas.owner, personas.manager])
        CommitmentRecord.objects.create(
            organization=personas.org, kind="communication", member=personas.owner, occurred_on=DAY,
            description="Town hall",
        )  # fmt: skip


@pytest.mark.parametrize("url", ["/o/acme/policy/", "/o/acme/policy/reviews/", "/o/acme/policy/commitment/"])
def test_pages_take_a_fixed_number_of_queries(personas, published_policy, django_assert_max_num_queries, url):
    client = personas.client("viewer")
    _fill(personas, published_policy.document, 2)
    with django_assert_max_num_queries(20) as small:
        assert client.get(url).status_code == 200
    _fill(personas, published_policy.document, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("Town hall") + page.count("Fine") >= 5
