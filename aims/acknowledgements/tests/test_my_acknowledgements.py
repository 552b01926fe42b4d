"""The reader's page: what I must read, rendered, and the button that records that I have."""

from aims.acknowledgements.tests.conftest import request_of
from aims.audit.models import AuditEvent
from aims.web.testing import ROLES, assert_permission_matrix


def test_every_member_has_the_page_and_sees_only_their_own_requests(personas, campaign, foreign):
    assert_permission_matrix(personas, "GET", "/o/acme/acknowledgements/mine/", ROLES)
    viewer = personas.client("viewer").get("/o/acme/acknowledgements/mine/").content.decode()
    assert "AI code of conduct" in viewer
    assert "<h1>Be kind</h1>" in viewer
    assert "&lt;b&gt;well&lt;/b&gt;" in viewer  # raw HTML in the body is shown as text
    assert "I have read and understood this" in viewer
    manager = personas.client("manager").get("/o/acme/acknowledgements/mine/").content.decode()
    assert "AI code of conduct" not in manager
    assert "Nothing to read" in manager


def test_the_recipient_acknowledges_with_the_button(personas, campaign):
    url = f"/o/acme/acknowledgements/requests/{request_of(campaign, personas.viewer).pk}/acknowledge/"
    response = personas.client("viewer").post(url, follow=True)
    page = response.content.decode()
    assert "your acknowledgement of POL-007 v1 is recorded" in page
    assert "Recently acknowledged" in page
    assert request_of(campaign, personas.viewer).acknowledged_at is not None
    again = personas.client("viewer").post(url, follow=True).content.decode()
    assert "You acknowledged this version on" in again
    assert AuditEvent.objects.filter(verb="acknowledgement.recorded").count() == 1


def test_a_non_recipient_is_refused_and_an_outsider_sees_nothing(personas, campaign, foreign):
    url = f"/o/acme/acknowledgements/requests/{request_of(campaign, personas.viewer).pk}/acknowledge/"
    assert personas.client("owner").post(url).status_code == 403
    assert personas.client("contributor").post(url).status_code == 403
    assert personas.client("outsider").post(url).status_code == 404
    assert personas.client("anonymous").post(url).status_code == 302
    assert request_of(campaign, personas.viewer).acknowledged_at is None
    theirs = f"/o/acme/acknowledgements/requests/{foreign.requests.get().pk}/acknowledge/"
    assert personas.client("viewer").post(theirs).status_code == 404
    own_org = f"/o/globex/acknowledgements/requests/{foreign.requests.get().pk}/acknowledge/"
    assert personas.client("viewer").post(own_org).status_code == 404
