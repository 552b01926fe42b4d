"""The members page shows an external auditor's last day and the days left, or that their access has
expired; owners and managers extend, end or remove it there (and through the API)."""

from __future__ import annotations

from aims.organizations.models import Membership
from aims.organizations.tests.conftest import expire, in_days, post_json
from aims.web.testing import EVERYONE, assert_refused


def test_the_page_shows_the_end_and_the_days_left(personas, external_membership):
    page = personas.client("viewer").get("/o/acme/members/")
    assert b"External auditor" in page.content
    assert f"until {in_days(30):%-d %b %Y} · 30 days left".encode() in page.content
    assert b"End access now" not in page.content


def test_an_expired_access_is_shown_expired_with_its_remedies(personas, external_membership):
    expire(external_membership)
    page = personas.client("manager").get("/o/acme/members/")
    assert b"Expired" in page.content
    assert b"Let back in until" in page.content
    assert f"/o/acme/members/{external_membership.pk}/remove/".encode() in page.content
    assert b"End access now" not in page.content


def test_the_role_menu_does_not_offer_external_auditor(personas, external_membership):
    page = personas.client("manager").get("/o/acme/members/")
    # Offered once, in the invitation form; never in a member's role menu.
    assert page.content.count(b'<option value="external_auditor"') == 1
    assert f'action="/o/acme/members/{external_membership.pk}/role/"'.encode() not in page.content


def test_managers_extend_on_the_page(personas, external_membership):
    url = f"/o/acme/members/{external_membership.pk}/access/"
    data = {"expires_on": in_days(60).isoformat()}
    assert_refused(personas, "POST", url, [p for p in EVERYONE if p not in ("owner", "manager")], data=data)
    external_membership.refresh_from_db()
    assert external_membership.ends_on == in_days(30)
    response = personas.client("manager").post(url, data, follow=True)
    assert f"has access through {in_days(60):%d %B %Y}".encode() in response.content
    external_membership.refresh_from_db()
    assert external_membership.ends_on == in_days(60)


def test_a_bad_end_on_the_page_is_explained_and_changes_nothing(personas, external_membership):
    url = f"/o/acme/members/{external_membership.pk}/access/"
    response = personas.client("manager").post(url, {"expires_on": in_days(-2).isoformat()}, follow=True)
    assert b"is in the past; choose today or a later day." in response.content
    response = personas.client("manager").post(url, {}, follow=True)
    assert b"Set the last day of the external auditor" in response.content
    external_membership.refresh_from_db()
    assert external_membership.ends_on == in_days(30)


def test_managers_end_access_on_the_page_and_remove_it(personas, external_membership):
    url = f"/o/acme/members/{external_membership.pk}/access/revoke/"
    assert_refused(personas, "POST", url, ["anonymous", "outsider", "viewer", "auditor", "external_auditor"])
    response = personas.client("manager").post(url, follow=True)
    assert b"access has ended" in response.content
    external_membership.refresh_from_db()
    assert external_membership.is_expired
    remove = f"/o/acme/members/{external_membership.pk}/remove/"
    assert personas.client("manager").post(remove).status_code == 302
    assert not Membership.objects.filter(pk=external_membership.pk).exists()


def test_the_api_grants_extends_and_revokes(personas, external_membership):
    client = personas.client("manager")
    grant = post_json(
        client,
        "/api/v1/organizations/acme/external-auditors",
        {"email": "outsider@globex.test", "expires_on": in_days(10).isoformat()},
    )
    assert grant.status_code == 201
    assert grant.json()["role"] == "external_auditor"
    assert grant.json()["expires_at"] is not None
    base = f"/api/v1/organizations/acme/members/{external_membership.pk}/access"
    missing = post_json(client, base, {})
    assert missing.status_code == 422
    assert missing.json()["error"]["fields"]["expires_on"] == [
        "Set the last day of the external auditor's access."
    ]
    assert post_json(client, base, {"expires_on": in_days(80).isoformat()}).status_code == 200
    assert post_json(client, f"{base}/revoke", {}).status_code == 200
    assert post_json(client, f"{base}/revoke", {}).status_code == 409
    members = client.get("/api/v1/organizations/acme/members").json()["items"]
    assert {m["email"]: m["expires_at"] is not None for m in members}["lead@certbody.test"]


def test_the_api_refuses_others(personas, external_membership):
    base = f"/api/v1/organizations/acme/members/{external_membership.pk}/access"
    refused = ["anonymous", "outsider", "contributor", "auditor", "viewer", "external_auditor"]
    assert_refused(personas, "POST", base, refused, data={"expires_on": in_days(5).isoformat()}, api=True)
    assert_refused(personas, "POST", f"{base}/revoke", refused, api=True)
