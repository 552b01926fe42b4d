from aims.context.models import InterestedParty, Requirement
from aims.context.tests.conftest import post_json
from aims.web.testing import ROLES, assert_permission_matrix, assert_refused

URL = "/api/v1/context/interested-parties?organization=acme"
REFUSED = ("anonymous", "outsider", "viewer", "auditor")


def test_parties_are_listed_to_members_only(personas, party, foreign):
    assert_permission_matrix(personas, "GET", URL, ROLES, api=True)
    names = [p["name"] for p in personas.client("viewer").get(URL).json()["items"]]
    assert names == ["Customers"]


def test_editors_create_and_change_parties(personas, party):
    data = {"name": "Loan applicants", "kind": "affected_people"}
    assert_refused(personas, "POST", URL, REFUSED, data=data, api=True)
    response = post_json(personas.client("contributor"), URL, data)
    assert response.status_code == 201
    assert post_json(personas.client("contributor"), URL, {"name": "x", "kind": "aliens"}).status_code == 422
    assert post_json(personas.client("contributor"), URL, {**data, "name": "customers"}).status_code == 422
    url = f"/api/v1/context/interested-parties/{party.pk}"
    assert_refused(personas, "PATCH", url, REFUSED, data={"name": "X"}, api=True)
    assert (
        post_json(personas.client("manager"), url, {"description": "Banks"}, "patch").json()["description"]
        == "Banks"
    )
    assert InterestedParty.objects.filter(organization=personas.org).count() == 2


def test_requirements_are_read_added_changed_and_removed_through_the_party(
    personas, party, requirement, obligation
):
    url = f"/api/v1/context/interested-parties/{party.pk}/requirements"
    assert_permission_matrix(personas, "GET", url, ROLES, api=True)
    data = {"description": "Fair treatment", "is_addressed": False, "rationale": "Handled by HR policy"}
    assert_refused(personas, "POST", url, REFUSED, data=data, api=True)
    assert post_json(personas.client("manager"), url, {**data, "rationale": ""}).status_code == 422
    response = post_json(personas.client("manager"), url, {**data, "obligation": obligation.pk})
    assert response.status_code == 201, response.content
    assert response.json()["obligation"] == obligation.pk
    one = f"{url}/{requirement.pk}"
    assert_refused(personas, "PATCH", one, REFUSED, data={"rationale": "X"}, api=True)
    assert (
        post_json(personas.client("manager"), one, {"is_addressed": False}, "patch").json()["is_addressed"]
        is False
    )
    assert_refused(personas, "DELETE", one, REFUSED, api=True)
    assert personas.client("manager").delete(one).status_code == 204
    assert Requirement.objects.count() == 1


def test_another_organisations_requirements_are_404(personas, party, foreign):
    theirs = foreign["requirement"]
    client = personas.client("owner")
    assert (
        client.get(f"/api/v1/context/interested-parties/{foreign['party'].pk}/requirements").status_code
        == 404
    )
    assert (
        client.delete(f"/api/v1/context/interested-parties/{party.pk}/requirements/{theirs.pk}").status_code
        == 404
    )
    data = {"description": "X", "rationale": "Y", "obligation": foreign["obligation"].pk}
    assert (
        post_json(client, f"/api/v1/context/interested-parties/{party.pk}/requirements", data).status_code
        == 422
    )
    assert Requirement.objects.filter(party=party).count() == 0
