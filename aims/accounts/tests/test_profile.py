import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.accounts.actions import create_api_token, update_profile
from aims.audit.models import AuditEvent


def test_page_shows_details_organisations_roles_and_links(personas):
    personas.outsider.memberships.create(organization=personas.org, role="auditor")
    page = personas.client("outsider").get("/account/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "outsider@globex.test" in text
    assert "Acme AI" in text
    assert "Auditor" in text
    assert "Globex" in text
    assert "Owner" in text
    for url in ["/accounts/password/change/", "/accounts/2fa/", "/accounts/email/"]:
        assert f'href="{url}"' in text


def test_page_lists_own_tokens_with_their_status(personas):
    active, _ = create_api_token(actor=personas.viewer, name="active one")
    page = personas.client("viewer").get("/account/")
    assert b"active one" in page.content
    assert active.prefix.encode() in page.content
    assert f"/account/tokens/{active.pk}/revoke/".encode() in page.content


def test_page_query_count_does_not_grow_with_tokens(personas):
    client = personas.client("viewer")
    create_api_token(actor=personas.viewer, name="first")
    with CaptureQueriesContext(connection) as one:
        assert client.get("/account/").status_code == 200
    for n in range(5):
        create_api_token(actor=personas.viewer, name=f"t{n}")
    with CaptureQueriesContext(connection) as six:
        assert client.get("/account/").status_code == 200
    assert len(six) == len(one) <= 7


def test_update_name_on_the_page(personas):
    client = personas.client("viewer")
    response = client.post("/account/details/", {"full_name": "  Vera Viewer "})
    assert response.status_code == 302
    personas.viewer.refresh_from_db()
    assert personas.viewer.full_name == "Vera Viewer"
    event = AuditEvent.objects.get(verb="user.profile_updated")
    assert event.before == {"full_name": "Viewer"}
    assert event.after == {"full_name": "Vera Viewer"}
    assert event.actor == personas.viewer


def test_update_name_by_api(personas):
    response = personas.client("viewer").patch(
        "/api/v1/me", json.dumps({"full_name": "Vera"}), content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["full_name"] == "Vera"


def test_too_long_name_is_refused_and_nothing_written(personas):
    response = personas.client("viewer").post("/account/details/", {"full_name": "x" * 201})
    assert response.status_code == 422
    assert response.context["profile_form"].errors["full_name"]
    with pytest.raises(ValidationError):
        update_profile(actor=personas.viewer, full_name="x" * 201)
    api = personas.client("viewer").patch(
        "/api/v1/me", json.dumps({"full_name": "x" * 201}), content_type="application/json"
    )
    assert api.status_code == 422
    personas.viewer.refresh_from_db()
    assert personas.viewer.full_name == "Viewer"
    assert not AuditEvent.objects.filter(verb="user.profile_updated").exists()


def test_unchanged_name_records_nothing(personas):
    update_profile(actor=personas.viewer, full_name="Viewer")
    assert not AuditEvent.objects.filter(verb="user.profile_updated").exists()


def test_update_is_post_only(personas):
    assert personas.client("viewer").get("/account/details/").status_code == 405
    assert personas.client("anonymous").post("/account/details/", {"full_name": "x"}).status_code == 302
