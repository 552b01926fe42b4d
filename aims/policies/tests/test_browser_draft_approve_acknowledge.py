"""The AI policy's journey in a real browser: a manager drafts it from the template and submits it, the owner
approves and publishes it and asks everyone to acknowledge it, and a viewer acknowledges it."""

from __future__ import annotations

import pytest

from aims.acknowledgements.models import AcknowledgementRequest
from aims.documents.models import DocumentVersion
from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS


@pytest.fixture
def pages(live_server, personas, catalog):
    def open_as(persona: str):
        return browser_page(live_server.url, session_key=session_key_for(personas.user(persona)))

    return open_as


def test_ai_policy_is_drafted_submitted_approved_by_another_and_acknowledged(pages, personas):
    policy_page = "/o/acme/policy/"
    with pages("manager") as page:
        page.goto(policy_page)
        page.get_by_role("button", name="Start from the template").click()
        page.get_by_role("link", name="Open version 1").click()
        page.get_by_role("button", name="Edit draft").click()
        body = page.get_by_label("Body")
        addition = "\n\n## Our own addition\n\nHuman oversight for every credit decision.\n"
        body.fill(body.input_value() + addition)
        page.get_by_role("button", name="Save draft").click()
        page.goto(policy_page)
        page.get_by_role("button", name="Submit version 1 for approval").click()
        assert page.get_by_text("In review").first.is_visible()
        # The author is not offered approval: someone else must approve.
        assert page.get_by_role("button", name="Approve version 1").count() == 0

    with pages("owner") as page:
        page.goto(policy_page)
        page.get_by_label("Approval comment").fill("Reviewed with the board.")
        page.get_by_role("button", name="Approve version 1").click()
        page.get_by_role("button", name="Publish version 1").click()
        page.get_by_role("button", name="Ask everyone to acknowledge version 1").click()
        page.wait_for_load_state()

    version = DocumentVersion.objects.get(document__organization=personas.org, document__kind="policy")
    assert version.state == DocumentVersion.State.PUBLISHED
    assert version.author == personas.manager
    assert version.reviewed_by == personas.owner
    assert "Human oversight for every credit decision." in version.body

    with pages("viewer") as page:
        page.goto("/o/acme/acknowledgements/mine/")
        page.get_by_role("button", name="I have read and understood this").click()
        page.wait_for_load_state()
        assert page.get_by_text("Recently acknowledged").is_visible()

    viewer_request = AcknowledgementRequest.objects.get(campaign__version=version, recipient=personas.viewer)
    assert viewer_request.acknowledged_at is not None
    pending = AcknowledgementRequest.objects.filter(campaign__version=version, acknowledged_at__isnull=True)
    assert personas.viewer not in {request.recipient for request in pending}
    assert pending.count() == 4  # the owner, manager, contributor and auditor of acme
