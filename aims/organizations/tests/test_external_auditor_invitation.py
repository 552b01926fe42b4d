"""Inviting an external auditor: the invitation carries the last day of their access, which the membership
takes when they accept; without a valid end date nothing is sent."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.organizations import actions
from aims.organizations.models import Invitation, Membership, Role
from aims.organizations.tests.conftest import in_days, post_json
from conftest import make_user


def _invite(personas, expires_on, role="external_auditor", **options):
    return actions.invite_member(
        actor=personas.manager,
        organization=personas.org,
        email="lead@certbody.test",
        role=role,
        expires_on=expires_on,
        **options,
    )


def test_the_invitation_carries_the_end_and_the_membership_takes_it(
    personas, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, secret = _invite(personas, in_days(45))
    assert invitation.access_ends_on == in_days(45)
    assert f"Your access ends after {in_days(45):%d %B %Y}" in mail.outbox[0].body
    event = AuditEvent.objects.get(verb="invitation.created")
    assert event.data["expires_on"] == in_days(45).isoformat()
    lead = make_user("lead@certbody.test")
    found = actions.find_invitation(secret)
    assert found is not None
    membership = actions.accept_invitation(actor=lead, invitation=found)
    assert (membership.role, membership.ends_on) == (Role.EXTERNAL_AUDITOR, in_days(45))
    created = AuditEvent.objects.get(verb="membership.created")
    assert created.data["expires_on"] == in_days(45).isoformat()


@pytest.mark.parametrize(
    ("expires_on", "message"),
    [(None, "Set the last day"), (in_days(-1), "in the past"), (in_days(120), "at most 90 days")],
)
def test_an_external_auditor_invitation_needs_a_valid_end(personas, expires_on, message, mailoutbox):
    with pytest.raises(ValidationError, match=message):
        _invite(personas, expires_on)
    assert not Invitation.objects.exists()
    assert not AuditEvent.objects.exists()
    assert mailoutbox == []


def test_other_roles_take_no_end(personas):
    with pytest.raises(ValidationError, match="Only an external auditor's access ends"):
        _invite(personas, in_days(10), role="viewer")
    invitation, _ = _invite(personas, None, role="viewer")
    assert invitation.access_expires_at is None


def test_an_invitation_whose_access_has_ended_cannot_be_accepted(personas):
    invitation, _ = _invite(personas, in_days(1))
    Invitation.objects.filter(pk=invitation.pk).update(access_expires_at=timezone.now() - timedelta(hours=1))
    invitation.refresh_from_db()
    assert not invitation.is_usable
    with pytest.raises(ActionError, match="ask for a new one"):
        actions.accept_invitation(actor=make_user("lead@certbody.test"), invitation=invitation)
    assert not Membership.objects.filter(user__email="lead@certbody.test").exists()


def test_the_invite_form_sends_an_external_auditor_invitation(personas):
    client = personas.client("manager")
    data = {"email": "lead@certbody.test", "role": "external_auditor", "expires_on": in_days(20).isoformat()}
    assert client.post("/o/acme/members/invite/", data).status_code == 302
    assert Invitation.objects.get().access_ends_on == in_days(20)
    page = client.get("/o/acme/members/")
    assert f"access until {in_days(20):%-d %b %Y}".encode() in page.content


def test_the_invite_form_explains_a_missing_end(personas):
    data = {"email": "lead@certbody.test", "role": "external_auditor"}
    response = personas.client("manager").post("/o/acme/members/invite/", data)
    assert response.status_code == 422
    assert b"Set the last day of the external auditor" in response.content
    assert not Invitation.objects.exists()


def test_the_invitee_accepts_on_the_page_and_is_told_the_end(personas):
    _, secret = _invite(personas, in_days(20))
    lead = make_user("lead@certbody.test")
    client = Client()
    client.force_login(lead)
    page = client.get(f"/invitations/{secret}/")
    assert f"Your access lasts until {in_days(20):%-d %B %Y}".encode() in page.content
    assert client.post(f"/invitations/{secret}/").status_code == 302
    assert Membership.objects.get(user=lead).ends_on == in_days(20)
    assert client.get("/o/acme/").status_code == 200


def test_the_api_invites_with_an_end(personas):
    client = personas.client("owner")
    url = "/api/v1/organizations/acme/invitations"
    data = {"email": "lead@certbody.test", "role": "external_auditor"}
    refused = post_json(client, url, data)
    assert refused.status_code == 422
    assert "expires_on" in refused.json()["error"]["fields"]
    response = post_json(client, url, {**data, "expires_on": in_days(15).isoformat()})
    assert response.status_code == 201
    assert response.json()["access_expires_at"] is not None
