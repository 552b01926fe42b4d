"""An assessor's path in the real browser: start an assessment of a system, record a negative impact, raise
it as a risk, submit; a manager approves it and the system's page shows it."""

from __future__ import annotations

import os
from typing import Any

from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS
SHOTS = os.environ.get("AIMS_SCREENSHOTS", "")


def _shot(page: Any, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_contributor_assesses_and_manager_approves(live_server: Any, personas: Any, system: Any) -> None:
    with browser_page(live_server.url, session_key=session_key_for(personas.contributor)) as page:
        page.goto("/o/acme/impact-assessments/")
        page.get_by_role("link", name="Start the first assessment").click()
        page.locator("#id_ai_system").fill(system.reference)
        page.locator("#id_trigger").select_option("new_system")
        page.locator("#id_intended_use").fill("Score consumer loan applications.")
        page.locator("#id_conclusion").fill("Acceptable with fairness testing.")
        page.locator("#id_decision").select_option("conditions")
        page.locator("#id_next_assessment_on").fill("2031-01-31")
        page.get_by_role("button", name="Start the assessment").click()
        page.wait_for_url("**/o/acme/impact-assessments/*/")
        page.get_by_text("Record an impact").click()
        page.locator("#id_item-dimension").select_option("fairness")
        page.locator("#id_item-description").fill("Thin-file applicants are scored too low.")
        page.locator("#id_item-severity").select_option("3")
        page.locator("#id_item-likelihood").select_option("3")
        page.get_by_role("button", name="Record the impact").click()
        page.get_by_role("button", name="Raise as a risk").click()
        assert page.get_by_text("tracked in the risk register").is_visible()
        assert page.get_by_role("link", name="RSK-0001").is_visible()
        _shot(page, "ia-detail-draft")
        page.get_by_role("button", name="Submit for approval").click()
        assert page.get_by_text("is sent for approval").is_visible()
    with browser_page(live_server.url, session_key=session_key_for(personas.manager)) as page:
        page.goto("/o/acme/impact-assessments/")
        page.get_by_role("link", name="IA-0001").click()
        page.get_by_role("button", name="Approve").click()
        assert page.get_by_text("IA-0001 is approved.").is_visible()
        _shot(page, "ia-detail-approved")
        page.goto("/o/acme/impact-assessments/")
        _shot(page, "ia-list")
        page.goto(f"/o/acme/systems/{system.pk}/")
        assert page.get_by_text("Latest approved:").is_visible()
        _shot(page, "ia-system-panel")
