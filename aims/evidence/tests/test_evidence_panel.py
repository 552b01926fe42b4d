"""Other pages show a record's evidence: the AI system page's panel, and `{% evidence_panel record %}`."""

from django.template import Context, Template
from django.test import RequestFactory

from aims.evidence import actions


def test_the_ai_system_page_shows_its_evidence_and_an_attach_link_for_editors(personas, report, system):
    actions.link_evidence(actor=personas.contributor, evidence=report, target=system)
    url = f"/o/acme/systems/{system.pk}/"
    body = personas.client("contributor").get(url).content.decode()
    assert "EV-0001" in body
    assert "Bias test report" in body
    assert f"/o/acme/evidence/new/file/?record=ai_systems.aisystem%3A{system.pk}" in body
    viewer_body = personas.client("viewer").get(url).content.decode()
    assert "EV-0001" in viewer_body
    assert "Attach evidence" not in viewer_body


def test_the_panel_says_when_there_is_no_evidence(personas, system):
    body = personas.client("viewer").get(f"/o/acme/systems/{system.pk}/").content.decode()
    assert "No evidence attached yet." in body


def test_the_template_tag_renders_a_records_evidence(personas, report, system):
    actions.link_evidence(actor=personas.contributor, evidence=report, target=system)
    request = RequestFactory().get("/")
    request.user = personas.manager
    html = Template("{% load evidence %}{% evidence_panel record %}").render(
        Context({"record": system, "request": request})
    )
    assert "EV-0001" in html
    assert "Attach evidence" in html
