"""From a Stage 1 blocker to the auditor's pack in the real browser: a manager opens the cockpit of an
organisation whose management review has not been held, sees the 9.3 blocker, follows its link, holds the
review and approves its minutes, sees clause 9.3 satisfied, and downloads an evidence pack that verifies."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from aims.packs.verification import verify_pack
from aims.reviews import actions
from aims.reviews.actions.minutes import section_keys
from aims.web.testing import BROWSER_MARKS, Personas, browser_page, session_key_for

pytestmark = BROWSER_MARKS


@pytest.fixture
def page(live_server: Any, personas: Personas, catalog: None) -> Any:
    """A review planned for today with its attendees, notes on every input and a decision: only the meeting
    is still to be recorded."""
    review = actions.plan_review(
        actor=personas.manager, organization=personas.org, title="Management review 2026",
        planned_on=timezone.localdate(), place="Board room", chair=personas.manager,
    )  # fmt: skip
    actions.add_attendee(actor=personas.manager, review=review, user=personas.owner,
                         meeting_role="Chief executive", is_top_management=True)  # fmt: skip
    actions.add_attendee(actor=personas.manager, review=review, user=personas.manager, meeting_role="Chair")
    for key in section_keys(review):
        actions.save_discussion(actor=personas.manager, review=review, section_key=key, notes="Discussed.")
    actions.record_decision(actor=personas.manager, review=review, kind="improvement", text="Fund the audit.")
    with browser_page(live_server.url, session_key=session_key_for(personas.manager)) as page:
        yield page


def _clause_badge(page: Any) -> str:
    page.goto("/o/acme/clauses/9/")
    clause = page.locator("details", has=page.locator("summary", has_text="9.3 Management review")).first
    return str(clause.locator("summary .badge").first.inner_text())


def test_the_review_blocker_leads_to_a_satisfied_clause_and_a_verified_pack(
    page: Any, tmp_path: Path
) -> None:
    assert _clause_badge(page) == "Gaps"
    page.goto("/o/acme/")
    blocker = page.locator(
        "ul.blockers li", has_text="Top management reviews the AIMS at the planned interval"
    )
    assert blocker.is_visible()
    assert "9.3.1" in blocker.inner_text()
    blocker.get_by_role("link", name="Hold MR-").click()
    page.wait_for_url("**/o/acme/management-reviews/*/")
    page.get_by_role("button", name="Record the meeting as held (freezes the inputs)").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Approve the minutes").click()
    page.wait_for_load_state()

    assert _clause_badge(page) == "Satisfied"

    page.goto("/o/acme/pack/")
    with page.expect_download(timeout=120_000) as download_info:
        page.get_by_role("button", name="Download the evidence pack").click()
    saved = tmp_path / "pack.zip"
    download_info.value.save_as(saved)
    report = verify_pack(saved)
    assert report.ok, report
