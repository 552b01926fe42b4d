import pytest
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

from aims.audit.models import AuditEvent
from aims.lib.errors import ActionError
from aims.lib.hashing import sha256_hex
from aims.people import actions
from aims.people.models import Concern, PublicConcernLink
from aims.people.tests.conftest import post_json
from aims.web.testing import EVERYONE, assert_permission_matrix, assert_refused

PAGE = "/o/acme/people/concerns/public-link/"
NOT_MANAGERS = [p for p in EVERYONE if p not in ("owner", "manager")]


def test_only_the_digest_of_the_token_is_stored_and_rotation_retires_the_old_token(personas):
    link, first = actions.enable_public_link(actor=personas.manager, organization=personas.org)
    assert link.digest == sha256_hex(first)
    assert first not in str(PublicConcernLink.objects.values().get())
    _, second = actions.enable_public_link(actor=personas.owner, organization=personas.org)
    assert actions.find_public_link(first) is None
    assert actions.find_public_link(second) is not None
    assert AuditEvent.objects.filter(verb="concern_link.enabled").count() == 2


def test_only_owners_and_managers_manage_the_link(personas):
    for persona in ("contributor", "auditor", "viewer", "outsider"):
        with pytest.raises(PermissionDenied):
            actions.enable_public_link(actor=getattr(personas, persona), organization=personas.org)
    assert not PublicConcernLink.objects.exists()


def test_turning_off_a_link_that_is_off_is_refused(personas, public_token):
    actions.disable_public_link(actor=personas.manager, organization=personas.org)
    assert actions.find_public_link(public_token) is None
    with pytest.raises(ActionError):
        actions.disable_public_link(actor=personas.manager, organization=personas.org)


def test_the_link_page_shows_a_new_link_once(personas):
    assert_permission_matrix(personas, "GET", PAGE, ("owner", "manager"))
    assert_refused(personas, "POST", PAGE, NOT_MANAGERS, data={"do": "enable"})
    assert not PublicConcernLink.objects.exists()
    response = personas.client("manager").post(PAGE, {"do": "enable"})
    assert response.status_code == 200
    assert b"/report/" in response.content
    assert b"/report/" not in personas.client("manager").get(PAGE).content
    assert personas.client("owner").post(PAGE, {"do": "disable"}).status_code == 302
    assert not PublicConcernLink.objects.get().is_enabled


def test_the_link_endpoints(personas):
    url = "/api/v1/people/concern-link?organization=acme"
    assert_refused(personas, "POST", url, NOT_MANAGERS, api=True)
    response = post_json(personas.client("manager"), url, {})
    assert response.status_code == 201
    assert "/report/" in response.json()["url"]
    assert_refused(personas, "DELETE", url, NOT_MANAGERS, api=True)
    assert personas.client("owner").delete(url).status_code == 204
    assert personas.client("owner").delete(url).status_code == 409


def test_reports_through_a_link_are_rate_limited(personas, public_token, settings):
    settings.AIMS_CONCERN_REPORTS_PER_HOUR = 2
    cache.clear()
    client = personas.client("anonymous")
    url = f"/api/v1/people/public-concerns/{public_token}"
    data = {"category": "other", "description": "x"}
    assert [post_json(client, url, data).status_code for _ in range(3)] == [201, 201, 429]
    assert Concern.objects.count() == 2
    cache.clear()
