import json

from aims.organizations.models import Invitation, Membership, Organization
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

READ_ROLES = ("owner", "manager", "contributor", "auditor", "viewer")


def test_organisation_detail_matrix(personas):
    assert_permission_matrix(personas, "GET", "/api/v1/organizations/acme", READ_ROLES, api=True)


def test_member_list_matrix_and_shape(personas):
    assert_permission_matrix(personas, "GET", "/api/v1/organizations/acme/members", READ_ROLES, api=True)
    body = personas.client("viewer").get("/api/v1/organizations/acme/members?page_size=2").json()
    assert body["page"] == 1
    assert body["page_size"] == 2
    assert body["has_next"] is True
    assert [m["email"] for m in body["items"]] == ["auditor@acme.test", "contributor@acme.test"]


def test_organisation_list_shows_only_own(personas):
    body = personas.client("outsider").get("/api/v1/organizations").json()
    assert [o["slug"] for o in body["items"]] == ["globex"]
    assert personas.client("anonymous").get("/api/v1/organizations").status_code == 401


def test_create_organisation_by_api(personas):
    client = personas.client("viewer")
    response = client.post(
        "/api/v1/organizations",
        json.dumps({"name": "API Co", "ai_roles": ["provider"]}),
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["slug"] == "api-co"
    bad = client.post("/api/v1/organizations", json.dumps({"name": ""}), content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid"
    dup = client.post(
        "/api/v1/organizations", json.dumps({"name": "Acme", "slug": "acme"}), content_type="application/json"
    )
    assert dup.status_code == 422
    assert "slug" in dup.json()["error"]["fields"]
    assert Organization.objects.count() == 3


def test_invite_by_api_matrix(personas):
    url = "/api/v1/organizations/acme/invitations"
    refused = [p for p in EVERYONE if p not in ("owner", "manager")]
    assert_refused(personas, "POST", url, refused, data={"email": "a@b.test", "role": "viewer"}, api=True)
    assert not Invitation.objects.exists()
    response = personas.client("manager").post(
        url, json.dumps({"email": "a@b.test", "role": "auditor"}), content_type="application/json"
    )
    assert response.status_code == 201
    assert "/invitations/" in response.json()["link"]


def test_invite_conflict_is_409(personas):
    response = personas.client("owner").post(
        "/api/v1/organizations/acme/invitations",
        json.dumps({"email": "viewer@acme.test", "role": "viewer"}),
        content_type="application/json",
    )
    assert response.status_code == 409
    assert "already a member" in response.json()["error"]["message"]


def test_role_patch_and_delete(personas):
    membership = Membership.objects.get(organization=personas.org, user=personas.viewer)
    url = f"/api/v1/organizations/acme/members/{membership.pk}"
    refused = [p for p in EVERYONE if p not in ("owner", "manager")]
    assert_refused(personas, "PATCH", url, refused, data={"role": "manager"}, api=True)
    client = personas.client("manager")
    response = client.patch(url, json.dumps({"role": "auditor"}), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["role"] == "auditor"
    bad = client.patch(url, json.dumps({"role": "emperor"}), content_type="application/json")
    assert bad.status_code == 422
    assert client.delete(url).status_code == 204
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_other_organisations_member_is_404_in_api(personas):
    foreign = Membership.objects.get(organization=personas.other_org)
    response = personas.client("owner").patch(
        f"/api/v1/organizations/acme/members/{foreign.pk}",
        json.dumps({"role": "viewer"}),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert personas.client("owner").get("/api/v1/organizations/globex").status_code == 404
