"""The EU AI Act panel of the AI system detail page: the current class in one query."""

from django.template.loader import render_to_string

from aims.ai_systems.panels import panels_for
from aims.eu_ai_act import examples
from aims.eu_ai_act.actions import classify_ai_system
from aims.eu_ai_act.panels import eu_ai_act_panel


def render(panel, system, can_edit):
    context = {**panel.context, "system": system, "organization": system.organization, "can_edit": can_edit}
    return render_to_string(panel.template, context)


def test_the_panel_is_registered_for_the_detail_page(personas, system):
    assert "EU AI Act" in [panel.title for panel in panels_for(system, personas.viewer)]


def test_the_panel_shows_the_current_class(personas, system, django_assert_num_queries):
    classify_ai_system(
        actor=personas.owner, ai_system=system, answers=examples.CHATBOT, operator_role="provider"
    )
    with django_assert_num_queries(1):
        panel = eu_ai_act_panel(system, personas.viewer)
    html = render(panel, system, can_edit=False)
    assert "Limited risk (transparency)" in html
    assert "3 articles apply" in html
    assert "Change the answers" not in html
    assert "Change the answers" in render(panel, system, can_edit=True)


def test_the_panel_invites_editors_to_classify_an_unclassified_system(personas, system):
    panel = eu_ai_act_panel(system, personas.contributor)
    assert panel.context["classification"] is None
    assert f"/o/acme/eu-ai-act/systems/{system.pk}/classify/" in render(panel, system, can_edit=True)
