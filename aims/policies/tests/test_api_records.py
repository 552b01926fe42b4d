"""The API of aligned policies, reviews and commitment records: permissions, validation, isolation."""

import pytest

from aims.policies.models import AlignedPolicy, CommitmentRecord, PolicyReview
from aims.policies.tests.conftest import DAY, post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

EDITORS_REFUSED = ("anonymous", "outsider", "viewer", "auditor")
LEADERS_REFUSED = (*EDITORS_REFUSED, "contributor")


@pytest.mark.parametrize("path", ["aligned", "reviews", "commitments"])
def test_every_member_reads_the_lists(personas, aligned, review, commitment, foreign, path):
    url = f"/api/v1/policies/{path}?organization=acme"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    items = personas.client("viewer").get(url).json()["items"]
    assert len(items) == 1


def test_aligned_policies_are_linked_and_unlinked(personas, ai_policy, security_policy, foreign):
    url = "/api/v1/policies/aligned?organization=acme"
    data = {"document": security_policy.pk, "note": "Security first."}
    assert_refused(personas, "POST", url, EDITORS_REFUSED, data=data, api=True)
    response = post_json(personas.client("contributor"), url, data)
    assert response.status_code == 201
    assert response.json()["reference"] == "POL-001"
    assert post_json(personas.client("contributor"), url, data).status_code == 422
    theirs = {"document": foreign["aligned"].document_id, "note": "x"}
    assert post_json(personas.client("contributor"), url, theirs).status_code == 422
    link = AlignedPolicy.objects.get(organization=personas.org)
    delete = f"/api/v1/policies/aligned/{link.pk}"
    assert_refused(personas, "DELETE", delete, EDITORS_REFUSED, api=True)
    assert personas.client("manager").delete(delete).status_code == 204
    assert (
        personas.client("owner").delete(f"/api/v1/policies/aligned/{foreign['aligned'].pk}").status_code
        == 404
    )


def test_reviews_are_recorded_for_the_ai_policy_by_default(personas, published_policy, foreign):
    url = "/api/v1/policies/reviews?organization=acme"
    data = {"reviewed_on": DAY.isoformat(), "reviewers": ["owner@acme.test"], "outcome": "major_revision",
            "findings": "Rewrite for the new business line."}  # fmt: skip
    assert_refused(personas, "POST", url, LEADERS_REFUSED, data=data, api=True)
    response = post_json(personas.client("manager"), url, data)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["reference"], body["version"], body["reviewers"]) == ("POL-AI", 1, ["owner@acme.test"])
    assert body["next_review_on"] == "2027-03-02"
    review = PolicyReview.objects.get(organization=personas.org)
    assert_permission_matrix(personas, "GET", f"/api/v1/policies/reviews/{review.pk}", ROLES, api=True)
    assert personas.client("owner").get(f"/api/v1/policies/reviews/{foreign['review'].pk}").status_code == 404
    filtered = personas.client("viewer").get(url + "&outcome=no_change").json()["items"]
    assert filtered == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"reviewers": ["outsider@globex.test"]}, "reviewers"), ({"version": 9}, "version"),
     ({"outcome": "meh"}, "outcome"), ({"reviewers": []}, "reviewers")],
)  # fmt: skip
def test_bad_reviews_are_422_with_the_field(personas, published_policy, changes, field):
    data = {"reviewed_on": DAY.isoformat(), "reviewers": ["owner@acme.test"], "outcome": "no_change",
            "findings": "Fine", **changes}  # fmt: skip
    response = post_json(personas.client("owner"), "/api/v1/policies/reviews?organization=acme", data)
    assert response.status_code == 422
    assert field in response.json()["error"]["fields"]
    assert not PolicyReview.objects.exists()


def test_commitment_is_recorded_by_owners_and_managers(personas, foreign):
    url = "/api/v1/policies/commitments?organization=acme"
    data = {"kind": "roles_assigned", "member": "owner@acme.test", "occurred_on": DAY.isoformat(),
            "description": "Named the AI governance lead."}  # fmt: skip
    assert_refused(personas, "POST", url, LEADERS_REFUSED, data=data, api=True)
    response = post_json(personas.client("owner"), url, data)
    assert response.status_code == 201
    assert response.json()["member"] == "owner@acme.test"
    bad = post_json(personas.client("owner"), url, {**data, "member": "outsider@globex.test"})
    assert bad.status_code == 422
    assert "member" in bad.json()["error"]["fields"]
    record = CommitmentRecord.objects.get(organization=personas.org)
    assert_permission_matrix(personas, "GET", f"/api/v1/policies/commitments/{record.pk}", ROLES, api=True)
    other = f"/api/v1/policies/commitments/{foreign['commitment'].pk}"
    assert personas.client("owner").get(other).status_code == 404


def test_api_lists_take_a_fixed_number_of_queries(personas, published_policy, django_assert_max_num_queries):
    client = personas.client("viewer")

    def fill(count):
        for _ in range(count):
            review = PolicyReview.objects.create(
                organization=personas.org, document=published_policy.document, version=published_policy,
                reviewed_on=DAY, outcome="no_change", findings="Fine",
            )  # fmt: skip
            review.reviewers.set([personas.owner, personas.manager])

    fill(2)
    url = "/api/v1/policies/reviews?organization=acme"
    with django_assert_max_num_queries(10) as small:
        assert client.get(url).status_code == 200
    fill(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(client.get(url).json()["items"]) == 22
