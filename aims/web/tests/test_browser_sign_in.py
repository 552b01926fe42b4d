"""A person's path through the real browser: sign in as the demo manager and open the catalogue."""

from __future__ import annotations

import pytest

from aims.demo.seeding import DEMO_PASSWORD, create_demo
from aims.web.testing import BROWSER_MARKS, browser_page

pytestmark = BROWSER_MARKS


@pytest.fixture
def page(live_server, catalog):
    create_demo()
    with browser_page(live_server.url) as page:
        yield page


def test_demo_manager_signs_in_and_opens_the_catalogue(page):
    page.goto("/")
    page.get_by_label("Email").fill("manager@demo.aims.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/o/demo/")
    assert page.get_by_role("heading", name="Demo AI Ltd").is_visible()
    page.get_by_role("link", name="Catalogue").first.click()
    page.wait_for_url("**/catalog/")
    assert page.get_by_text("A.6.2.4").first.is_visible()
    page.get_by_role("searchbox").fill("data provenance")
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_text("Data provenance").first.is_visible()
