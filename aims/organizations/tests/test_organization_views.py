from aims.organizations.models import Invitation, Membership
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

READ_ROLES = ("owner", "manager", "contributor", "auditor", "viewer")


def test_organisation_home_is_for_members_only(personas):
    assert_permission_matrix(personas, "GET", "/o/acme/", READ_ROLES)


def test_member_list_is_for_members_only(personas):
    assert_permission_matrix(personas, "GET", "/o/acme/members/", READ_ROLES)


def test_clause_page_is_for_members_only(personas, catalog):
    assert_permission_matrix(personas, "GET", "/o/acme/clauses/6/", READ_ROLES)


def test_unknown_clause_is_404(personas, catalog):
    assert personas.client("viewer").get("/o/acme/clauses/42/").status_code == 404


def test_member_list_search(personas):
    response = personas.client("viewer").get("/o/acme/members/", {"q": "audit"})
    assert b"auditor@acme.test" in response.content
    assert b"contributor@acme.test" not in response.content


def test_member_list_queries_do_not_grow_with_members(
    personas, django_assert_max_num_queries, django_user_model
):
    client = personas.client("manager")
    client.get("/o/acme/members/")
    for i in range(20):
        user = django_user_model.objects.create_user(email=f"extra{i}@acme.test")
        Membership.objects.create(organization=personas.org, user=user, role="viewer")
    with django_assert_max_num_queries(14):
        response = client.get("/o/acme/members/")
    assert response.content.count(b"@acme.test") >= 25


def test_only_managers_can_invite(personas):
    data = {"email": "new@acme.test", "role": "viewer"}
    refused = [p for p in EVERYONE if p not in ("owner", "manager")]
    assert_refused(personas, "POST", "/o/acme/members/invite/", refused, data=data)
    assert not Invitation.objects.exists()
    response = personas.client("manager").post("/o/acme/members/invite/", data)
    assert response.status_code == 302
    assert Invitation.objects.get().email == "new@acme.test"


def test_invite_form_rejects_bad_input(personas):
    response = personas.client("manager").post(
        "/o/acme/members/invite/", {"email": "nope", "role": "emperor"}
    )
    assert response.status_code == 422
    assert b"Enter a valid email address" in response.content
    assert not Invitation.objects.exists()


def test_role_change_through_the_page(personas):
    membership = Membership.objects.get(organization=personas.org, user=personas.viewer)
    url = f"/o/acme/members/{membership.pk}/role/"
    refused = [p for p in EVERYONE if p not in ("owner", "manager")]
    assert_refused(personas, "POST", url, refused, data={"role": "manager"})
    membership.refresh_from_db()
    assert membership.role == "viewer"
    response = personas.client("manager").post(url, {"role": "contributor"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "contributor"


def test_member_of_another_organisation_is_404(personas):
    foreign = Membership.objects.get(organization=personas.other_org)
    response = personas.client("manager").post(f"/o/acme/members/{foreign.pk}/role/", {"role": "viewer"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.role == "owner"


def test_removing_the_last_owner_shows_an_error(personas):
    owner = Membership.objects.get(organization=personas.org, user=personas.owner)
    response = personas.client("owner").post(f"/o/acme/members/{owner.pk}/remove/", follow=True)
    assert b"at least one owner" in response.content
    assert Membership.objects.filter(pk=owner.pk).exists()


def test_home_redirects_to_the_only_organisation(personas):
    response = personas.client("viewer").get("/")
    assert response.status_code == 302
    assert response["Location"] == "/o/acme/"


def test_home_sends_anonymous_to_sign_in(personas):
    response = personas.client("anonymous").get("/")
    assert response["Location"].startswith("/accounts/login/")


def test_switcher_lists_every_organisation_of_the_user(personas):
    Membership.objects.create(organization=personas.other_org, user=personas.viewer, role="viewer")
    response = personas.client("viewer").get("/organizations/")
    assert b"Acme AI" in response.content
    assert b"Globex" in response.content
    assert personas.client("outsider").get("/organizations/").content.count(b"Acme AI") == 0


def test_invitation_link_flow_for_a_signed_in_user(personas, django_user_model):
    from aims.organizations.actions import invite_member

    _, secret = invite_member(
        actor=personas.owner, organization=personas.org, email="joiner@x.test", role="viewer"
    )
    joiner = django_user_model.objects.create_user(email="joiner@x.test")
    from django.test import Client

    client = Client()
    client.force_login(joiner)
    assert client.get(f"/invitations/{secret}/").status_code == 200
    response = client.post(f"/invitations/{secret}/")
    assert response["Location"] == "/o/acme/"
    assert Membership.objects.filter(organization=personas.org, user=joiner).exists()
    assert Client().get("/invitations/not-a-real-secret/").status_code == 404
