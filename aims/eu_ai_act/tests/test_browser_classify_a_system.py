"""A person's path through the real browser: register an AI system, then classify it through the
questionnaire, then change one answer and see the history."""

from __future__ import annotations

import pytest

from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS


@pytest.fixture
def page(live_server, personas):
    with browser_page(live_server.url, session_key=session_key_for(personas.contributor)) as page:
        yield page


def answer(page, question: str, *choices: str) -> None:
    group = page.locator(f"#q-{question}")
    for choice in choices:
        group.get_by_label(choice, exact=choice in ("Yes", "No")).check()


def test_contributor_registers_a_system_and_classifies_it(page):
    page.goto("/o/acme/systems/new/")
    page.locator("#id_name").fill("CV screening assistant")
    page.locator("#id_purpose").fill("Rank job applications so recruiters read the most relevant first.")
    page.get_by_role("button", name="Register the system").click()
    page.wait_for_url("**/o/acme/systems/*/")
    page.get_by_role("link", name="Classify it").click()
    page.wait_for_url("**/eu-ai-act/systems/*/classify/")
    assert page.get_by_text("Step 1 of 6: Your role").is_visible()

    answer(page, "operator_role", "Deployer: You use the system")
    answer(page, "takes_provider_role", "No")
    answer(page, "prohibited_practices", "None of these")
    answer(page, "annex_i_product", "No")
    answer(page, "annex_iii_uses", "Employment: recruiting")
    answer(page, "art6_3_conditions", "It only performs a preparatory task")
    answer(page, "profiles_people", "No")
    answer(page, "public_service", "No")
    answer(page, "transparency_cases", "None of these")
    answer(page, "gpai_model_provider", "No")
    page.get_by_role("button", name="Save the classification").click()
    page.wait_for_url("**/eu-ai-act/systems/*/")
    assert page.get_by_text("is classified: Minimal risk").is_visible()

    page.get_by_role("button", name="Change the answers").click()
    page.wait_for_url("**/classify/")
    assert page.locator("#q-annex_iii_uses").get_by_label("Employment: recruiting", exact=False).is_checked()
    answer(page, "profiles_people", "Yes")
    page.get_by_role("button", name="Save the classification").click()
    page.wait_for_url("**/eu-ai-act/systems/*/")
    assert page.get_by_text("is classified: High-risk").is_visible()
    assert page.get_by_role("cell", name="Art. 26(11)").is_visible()
    history = page.get_by_role("table").filter(has_text="What changed")
    assert history.get_by_text("First classification").is_visible()
    assert history.locator("ins", has_text="Yes").is_visible()
    assert history.locator("tbody tr").count() == 2
