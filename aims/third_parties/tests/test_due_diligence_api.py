from aims.third_parties.models import DueDiligence
from aims.third_parties.tests.conftest import api
from aims.web.testing import EVERYONE, ROLES, assert_permission_matrix, assert_refused

APPROVERS = ("owner", "manager")
NOT_APPROVERS = [persona for persona in EVERYONE if persona not in APPROVERS]
CHECK = {"performed_on": "2025-04-01", "outcome": "approved", "next_due_on": "2026-04-01"}


def test_owners_and_managers_record_a_check_for_a_relationship(personas, relationship):
    url = f"/api/v1/third-parties/relationships/{relationship.pk}/due-diligence"
    assert_refused(personas, "POST", url, NOT_APPROVERS, data=CHECK, api=True)
    assert not DueDiligence.objects.exists()
    response = api(
        personas.client("manager"), "POST", url, {**CHECK, "performed_by": "Contributor@acme.test"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["performed_by"] == "contributor@acme.test"
    assert body["recorded_by"] == "manager@acme.test"
    assert body["relationship_id"] == relationship.pk
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    listed = personas.client("auditor").get(url).json()
    assert [item["id"] for item in listed["items"]] == [body["id"]]
    party = personas.client("viewer").get(f"/api/v1/third-parties/{relationship.third_party_id}").json()
    assert party["due_diligence_outcome"] == "approved"
    assert party["next_review_on"] == "2026-04-01"


def test_a_check_on_the_third_party_as_a_whole(personas, party):
    url = f"/api/v1/third-parties/{party.pk}/due-diligence"
    assert_refused(personas, "POST", url, NOT_APPROVERS, data=CHECK, api=True)
    response = api(
        personas.client("owner"), "POST", url, {**CHECK, "outcome": "rejected", "findings": "No DPA"}
    )
    assert response.status_code == 201
    assert response.json()["relationship_id"] is None
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)


def test_bad_checks_are_422_and_nothing_is_written(personas, party):
    url = f"/api/v1/third-parties/{party.pk}/due-diligence"
    client = personas.client("manager")
    for body in (
        {**CHECK, "outcome": "maybe"},
        {**CHECK, "performed_on": "2999-01-01"},
        {**CHECK, "outcome": "approved_with_conditions"},
        {**CHECK, "performed_by": "outsider@globex.test"},
        {**CHECK, "next_due_on": "2020-01-01"},
    ):
        response = api(client, "POST", url, body)
        assert response.status_code == 422, body
    assert not DueDiligence.objects.exists()


def test_another_organisations_checks_are_404(personas, foreign_relationship):
    client = personas.client("owner")
    for url in (
        f"/api/v1/third-parties/relationships/{foreign_relationship.pk}/due-diligence",
        f"/api/v1/third-parties/{foreign_relationship.third_party_id}/due-diligence",
    ):
        assert client.get(url).status_code == 404
        assert api(client, "POST", url, CHECK).status_code == 404
    assert not DueDiligence.objects.exists()
