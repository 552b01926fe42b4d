"""The register as a PDF: both heat maps under the criteria in force, then the open risks, highest first."""

import io

from pypdf import PdfReader

from aims.risks import actions
from aims.web.testing import assert_refused

URL = "/o/acme/risks/register.pdf"


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_has_both_heat_maps_and_the_open_risks_highest_first(personas, system, risk):
    actions.assess_risk(actor=personas.manager, risk=risk, likelihood=5, consequence=5)
    low = actions.identify_risk(actor=personas.manager, organization=personas.org, title="Stale docs")
    actions.assess_risk(actor=personas.manager, risk=low, likelihood=1, consequence=1)
    closed = actions.identify_risk(actor=personas.manager, organization=personas.org, title="Retired feed")
    actions.close_risk(actor=personas.manager, risk=closed, reason="The feed is gone.")
    response = personas.client("viewer").get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="ai-risk-register-acme-')
    text = _text(response.content)
    assert "AI risk register - Acme AI" in text
    assert "Inherent risk" in text
    assert "Residual risk" in text
    assert "Risk criteria version 1" in text
    assert text.index(risk.reference) < text.index(low.reference)  # critical before low
    assert "Unfair scores for thin-file applicants" in text
    assert "Retired feed" not in text
    assert "2 open risks and opportunities" in text


def test_outsiders_and_anonymous_get_no_pdf(personas):
    assert_refused(personas, "GET", URL, ("anonymous", "outsider"))
