"""A risk owner's path in the real browser: add a risk, assess it, plan its treatment, accept the residual
risk; the register's heat maps load after the list and link to their cell."""

from __future__ import annotations

import os

import pytest

from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS
SHOTS = os.environ.get("AIMS_SCREENSHOTS", "")


@pytest.fixture
def page(live_server, personas, system, control):
    with browser_page(live_server.url, session_key=session_key_for(personas.manager)) as page:
        yield page


def _shot(page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def test_a_manager_assesses_treats_and_accepts_a_risk(page):
    page.goto("/o/acme/risks/new/")
    page.locator("#id_title").fill("Model drift after interest-rate changes")
    page.locator("#id_ai_system").fill("AIS-001")
    page.get_by_role("button", name="Add the risk").click()
    page.wait_for_url("**/o/acme/risks/*/")
    page.get_by_role("button", name="Assess", exact=True).click()
    page.locator("#id_likelihood_3").check()
    page.locator("#id_consequence_2").check()
    page.get_by_role("button", name="Save the assessment").click()
    page.wait_for_url("**/o/acme/risks/*/")
    assert page.get_by_text("is assessed").is_visible()
    page.get_by_role("button", name="Plan treatment").click()
    page.locator("#id_option").select_option("modify")
    page.locator("#id_plan").fill("Weekly drift monitoring with alerts.")
    page.get_by_label("ORG-001 Fairness testing").check()
    page.locator("#id_residual_likelihood_1").check()
    page.locator("#id_residual_consequence_2").check()
    page.get_by_role("button", name="Save the treatment plan").click()
    page.wait_for_url("**/o/acme/risks/*/")
    assert page.get_by_text(
        "Medium residual risk can only be accepted by an owner or a manager."
    ).first.is_visible()
    _shot(page, "risk_detail")
    page.get_by_role("button", name="Accept residual risk").click()
    page.locator("#id_rationale").fill("Within appetite; drift alerts reviewed weekly.")
    page.locator("#id_expires_on").fill("2099-01-01")
    page.get_by_role("button", name="Accept the residual risk").click()
    page.wait_for_url("**/o/acme/risks/*/")
    assert page.get_by_text("is accepted").is_visible()

    page.goto("/o/acme/risks/")
    heat = page.locator("table.heat").first
    heat.wait_for()
    _shot(page, "risk_register")
    page.get_by_role("link", name="1 risk with likelihood 4 and consequence 3 (High)").click()
    page.wait_for_url("**/o/acme/risks/?likelihood=4&consequence=3")
    assert page.get_by_role("link", name="Model drift after interest-rate changes").is_visible()
