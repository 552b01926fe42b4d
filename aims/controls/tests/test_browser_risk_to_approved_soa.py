"""From a risk to an auditor's PDF in the real browser: assess a risk on an AI system, treat it with an
Annex A control, accept the residual risk, include the control in the SoA with its reason, approve the SoA,
and download the PDF, which names the control and the risk that relies on it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from aims.ai_systems.models import AISystem
from aims.controls import actions
from aims.controls.actions import ReasonInput
from aims.controls.models import Control, SoAVersion, ensure_annex_a_controls
from aims.web.testing import BROWSER_MARKS, browser_page, session_key_for

pytestmark = BROWSER_MARKS
CONTROL = "A.6.2.4"


@pytest.fixture
def page(live_server, personas, catalog):
    AISystem.objects.create(
        organization=personas.org,
        reference="AIS-001",
        name="Credit scoring",
        purpose="Score loan applications",
    )
    for control in ensure_annex_a_controls(personas.org):
        if control.reference != CONTROL:  # every other control is decided already
            actions.set_applicability(
                actor=personas.manager,
                control=control,
                decision="included",
                reasons=[ReasonInput(kind="best_practice", note="Part of our AI life cycle.")],
            )
    with browser_page(live_server.url, session_key=session_key_for(personas.owner)) as page:
        yield page


def test_a_treated_risk_leads_to_an_approved_soa_and_its_pdf(page, personas):
    page.goto("/o/acme/risks/new/")
    page.locator("#id_title").fill("Approval rates drift for young applicants")
    page.locator("#id_ai_system").fill("AIS-001")
    page.get_by_role("button", name="Add the risk").click()
    page.wait_for_url("**/o/acme/risks/*/")
    risk_url = page.url
    page.get_by_role("button", name="Assess", exact=True).click()
    page.locator("#id_likelihood_3").check()
    page.locator("#id_consequence_3").check()
    page.get_by_role("button", name="Save the assessment").click()
    page.wait_for_url(risk_url)
    page.get_by_role("button", name="Plan treatment").click()
    page.locator("#id_option").select_option("modify")
    page.locator("#id_plan").fill("Validate every release against fairness thresholds before deployment.")
    page.get_by_label(f"{CONTROL} AI system verification and validation").check()
    page.locator("#id_residual_likelihood_1").check()
    page.locator("#id_residual_consequence_2").check()
    page.get_by_role("button", name="Save the treatment plan").click()
    page.wait_for_url(risk_url)
    page.get_by_role("button", name="Accept residual risk").click()
    page.locator("#id_rationale").fill("Release validation keeps the residual risk low.")
    page.locator("#id_expires_on").fill("2099-01-01")
    page.get_by_role("button", name="Accept the residual risk").click()
    page.wait_for_url(risk_url)
    assert page.get_by_text("is accepted").is_visible()

    control = Control.objects.get(organization=personas.org, reference=CONTROL)
    page.goto(f"/o/acme/controls/{control.pk}/applicability/")
    assert page.get_by_text("Risk treatments rely on this control").is_visible()
    page.get_by_label("Included").check()
    page.get_by_label("Best practice").check()
    page.locator("#id_best_practice_note").fill("Validation before release is what regulators expect.")
    page.get_by_role("button", name="Save the decision").click()
    page.wait_for_url(f"**/o/acme/controls/{control.pk}/")

    page.goto("/o/acme/controls/")
    page.get_by_role("button", name="Approve…").click()
    page.get_by_role("button", name="Yes, approve and freeze version 1").click()
    page.wait_for_load_state()
    version = SoAVersion.objects.get(organization=personas.org)
    assert version.number == 1
    assert version.approved_by == personas.owner

    page.goto(f"/o/acme/controls/versions/{version.number}/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF").click()
    pdf = Path(download_info.value.path()).read_bytes()
    text = "\n".join(pdf_page.extract_text() for pdf_page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Acme AI" in text
    assert CONTROL in text
    assert "RSK-0001" in text
