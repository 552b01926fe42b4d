"""A.3.3: an anonymous concern keeps no identity. Asserted on what is in the database, row by row."""

import json

import pytest
from django.forms.models import model_to_dict

from aims.audit.models import AuditEvent
from aims.people import actions
from aims.people.models import Concern, PublicConcernLink
from aims.people.tests.conftest import post_json

IP = "203.0.113.77"
AGENT = "Whistleblower-Browser/9.9"
SECRETS = (IP, AGENT, "owner@acme.test", "Owner")


def _stored_text(concern: Concern) -> str:
    rows = [model_to_dict(concern)]
    rows += [
        model_to_dict(e)
        for e in AuditEvent.objects.filter(target_type="people.concern", target_id=str(concern.pk))
    ]
    return json.dumps(rows, default=str)


def _assert_no_identity(concern: Concern) -> None:
    assert concern.channel == Concern.Channel.ANONYMOUS
    assert concern.reporter_id is None
    text = _stored_text(concern)
    for secret in SECRETS:
        assert secret not in text
    event = AuditEvent.objects.get(target_type="people.concern", target_id=str(concern.pk))
    assert event.actor_id is None
    assert event.actor_label != "owner@acme.test"
    assert event.data == {"category": concern.category, "channel": "anonymous"}


@pytest.mark.urls("aims.people.tests.urls")
def test_the_public_form_stores_no_identity_even_for_a_signed_in_member(personas, public_token):
    client = personas.client("owner")
    page = client.get(f"/report/{public_token}/")
    assert page.status_code == 200
    assert b"Acme AI" in page.content
    response = client.post(
        f"/report/{public_token}/",
        {"category": "fairness", "description": "Managers override the model to favour friends."},
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=AGENT,
    )
    assert response.status_code == 201
    concern = Concern.objects.get()
    assert concern.reference.encode() in response.content
    _assert_no_identity(concern)


def test_the_public_endpoint_stores_no_identity(personas, public_token):
    response = personas.client("owner").post(
        f"/api/v1/people/public-concerns/{public_token}",
        json.dumps({"category": "privacy", "description": "Chat logs are kept forever."}),
        content_type="application/json",
        REMOTE_ADDR=IP,
        HTTP_USER_AGENT=AGENT,
    )
    assert response.status_code == 201, response.content
    assert response.json() == {"reference": "CON-001"}
    _assert_no_identity(Concern.objects.get())


def test_the_public_endpoint_needs_no_sign_in(personas, public_token):
    response = post_json(
        personas.client("anonymous"),
        f"/api/v1/people/public-concerns/{public_token}",
        {"category": "other", "description": "x"},
    )
    assert response.status_code == 201


def test_the_action_takes_no_person(personas, public_token):
    link = PublicConcernLink.objects.get()
    concern = actions.report_anonymous_concern(link=link, category="safety", description="Unsafe advice.")
    _assert_no_identity(concern)


@pytest.mark.urls("aims.people.tests.urls")
def test_an_unknown_or_disabled_link_is_404_and_nothing_written(personas, public_token):
    client = personas.client("anonymous")
    data = {"category": "other", "description": "x"}
    assert client.get("/report/not-a-token/").status_code == 404
    assert post_json(client, "/api/v1/people/public-concerns/not-a-token", data).status_code == 404
    actions.disable_public_link(actor=personas.owner, organization=personas.org)
    assert client.post(f"/report/{public_token}/", data).status_code == 404
    assert post_json(client, f"/api/v1/people/public-concerns/{public_token}", data).status_code == 404
    assert not Concern.objects.exists()


@pytest.mark.urls("aims.people.tests.urls")
def test_bad_input_on_the_public_form_writes_nothing(personas, public_token):
    client = personas.client("anonymous")
    response = client.post(f"/report/{public_token}/", {"category": "gossip", "description": ""})
    assert response.status_code == 422
    response = post_json(
        client, f"/api/v1/people/public-concerns/{public_token}", {"category": "x", "description": ""}
    )
    assert response.status_code == 422
    assert not Concern.objects.exists()


@pytest.mark.urls("aims.people.tests.urls")
def test_the_public_form_is_csrf_protected(personas, public_token):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/report/{public_token}/", {"category": "other", "description": "x"})
    assert response.status_code == 403
    assert not Concern.objects.exists()
