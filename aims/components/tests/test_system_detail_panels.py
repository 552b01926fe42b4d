"""The AI system detail page shows the system's models, datasets, resources and competences."""

from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from aims.ai_systems.panels import _registry, panels_for
from aims.components import actions, panels
from aims.components.tests.conftest import MODEL_DATA


def test_the_panels_are_registered_in_page_order():
    orders = {key: entry.order for key, entry in _registry.items() if key.startswith("components.")}
    assert orders == {
        "components.models": 20,
        "components.datasets": 22,
        "components.resources": 24,
        "components.competences": 26,
    }


def test_each_panel_lists_the_systems_records(personas, systems, ai_model, dataset, resource, need):
    shown = {panel.title: panel for panel in panels_for(systems.scoring, personas.viewer)}
    assert [row.reference for row in shown["Models"].context["rows"]] == ["MOD-001"]
    assert [row.reference for row in shown["Datasets"].context["rows"]] == ["DS-001"]
    assert shown["Tooling and computing resources"].context["rows"] == []
    assert [row.competence for row in shown["Competences (human resources)"].context["rows"]] == [
        "Credit-risk modelling"
    ]
    assert shown["Datasets"].context["create_url"] == "/o/acme/components/datasets/new/?system=AIS-001"


def test_panels_render_with_the_page_context(personas, systems, ai_model, need):
    base = {"system": systems.scoring, "organization": personas.org, "can_edit": True}
    models = panels.models_panel(systems.scoring, personas.viewer)
    html = render_to_string(models.template, {**base, **models.context})
    assert f"/o/acme/components/models/{ai_model.pk}/" in html
    assert "Add one" in html
    competences = panels.competences_panel(systems.scoring, personas.viewer)
    html = render_to_string(competences.template, {**base, **competences.context, "can_edit": False})
    assert "Contributor" in html
    assert "Add a competence need" not in html


def test_a_long_list_is_capped_with_a_link_to_the_filtered_register(personas, systems):
    for number in range(panels.SHOWN + 2):
        actions.create_ai_model(
            actor=personas.owner,
            organization=personas.org,
            data={**MODEL_DATA, "reference": f"M{number:02d}"},
            ai_systems=[systems.chatbot],
        )
    with CaptureQueriesContext(connection) as captured:
        panel = panels.models_panel(systems.chatbot, personas.viewer)
    assert len(captured) <= 2
    assert len(panel.context["rows"]) == panels.SHOWN
    assert panel.context["more"] is True
    assert panel.context["list_url"] == "/o/acme/components/?system=AIS-002&status=any"


def test_the_system_page_shows_the_panels(personas, systems, ai_model, dataset, need):
    page = personas.client("viewer").get(f"/o/acme/systems/{systems.scoring.pk}/").content.decode()
    for text in (
        "Models",
        "MOD-001",
        "Datasets",
        "DS-001",
        "Credit-risk modelling",
        "No tooling and computing",
    ):
        assert text in page, text
