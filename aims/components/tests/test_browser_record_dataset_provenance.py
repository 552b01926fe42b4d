"""In a real browser: the demo contributor opens a dataset from the register and adds to its provenance."""

from __future__ import annotations

import pytest

from aims.demo.seeding import DEMO_PASSWORD, create_demo
from aims.web.testing import BROWSER_MARKS, browser_page

pytestmark = BROWSER_MARKS


@pytest.fixture
def page(live_server):
    create_demo()  # the demo organisation with its inventory, components included
    with browser_page(live_server.url) as page:
        yield page


def test_contributor_adds_a_provenance_event_to_a_dataset(page):
    page.goto("/")
    page.get_by_label("Email").fill("contributor@demo.aims.test")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/o/demo/")
    page.get_by_role("link", name="Models, datasets, resources").click()
    page.get_by_role("navigation", name="Component registers").get_by_role("link", name="Datasets").click()
    page.get_by_label("Personal data").select_option("yes")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**personal_data=yes")
    page.get_by_role("link", name="Historical CVs and shortlisting decisions").click()
    page.wait_for_url("**/components/datasets/*/")
    assert page.get_by_text("Special categories: Health, Racial or ethnic origin", exact=False).is_visible()
    page.get_by_label("What happened").select_option("transferred")
    page.get_by_label("Who").fill("Records archive")
    page.get_by_label("When").fill("2025-04-01")
    page.get_by_label("Description").fill("Moved to cold storage for the retention period.")
    page.get_by_role("button", name="Record").click()
    page.wait_for_url("**#provenance")
    assert page.get_by_text("Moved to cold storage for the retention period.").is_visible()
