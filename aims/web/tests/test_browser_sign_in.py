"""A person's path through the real browser: sign in as the demo manager and open the catalogue."""

from __future__ import annotations

import os
import shutil

import pytest

from aims.demo.seeding import DEMO_PASSWORD, create_demo

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        CHROMIUM is None,
        reason="Debian's chromium is not installed (apt-get install chromium); .ci/run installs it",
    ),
]


@pytest.fixture
def page(live_server, catalog):
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; the test's own ORM calls are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    create_demo()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(base_url=live_server.url)
        yield context.new_page()
        context.close()
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


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
