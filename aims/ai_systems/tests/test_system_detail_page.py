import copy
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aims.ai_systems import actions
from aims.ai_systems.panels import Panel, register_panel, unregister_panel
from aims.web.testing import ROLES, assert_permission_matrix


def _url(system):
    return f"/o/acme/systems/{system.pk}/"


def test_the_detail_page_is_for_members_only(personas, system):
    assert_permission_matrix(personas, "GET", _url(system), ROLES)


def test_another_organisations_system_is_not_found(personas, foreign_system):
    assert personas.client("owner").get(_url(foreign_system)).status_code == 404
    assert personas.client("outsider").get(f"/o/acme/systems/{foreign_system.pk}/").status_code == 404


def test_the_page_shows_the_system_its_stages_and_its_changes(personas, system):
    actions.change_lifecycle_stage(actor=personas.manager, system=system, stage="deployment", note="Go live.")
    actions.update_ai_system(
        actor=personas.contributor, system=system, changes={"purpose": "Help customers."}
    )
    html = personas.client("viewer").get(_url(system)).content.decode()
    assert "Support chatbot" in html
    assert "Help customers." in html
    assert "Go live." in html
    assert "approved by Manager" in html
    assert "<del>Answer customers&#x27; questions.</del>" in html
    assert "Registered" in html


def test_editors_see_the_edit_and_stage_forms_readers_do_not(personas, system):
    editor = personas.client("contributor").get(_url(system)).content.decode()
    reader = personas.client("auditor").get(_url(system)).content.decode()
    assert "Move it to another stage" in editor
    assert f"/o/acme/systems/{system.pk}/edit/" in editor
    assert "Move it to another stage" not in reader
    assert f"/o/acme/systems/{system.pk}/edit/" not in reader


@pytest.fixture
def extra_panel():
    def _components(system, user):
        return Panel(
            title="Test components", template="ai_systems_test_panel.html", context={"rows": ["Model A"]}
        )

    def _hidden(system, user):
        return None

    register_panel("test-components", _components, order=1)
    register_panel("test-hidden", _hidden, order=2)
    yield
    unregister_panel("test-components")
    unregister_panel("test-hidden")


def test_panels_from_other_apps_are_shown_with_the_page_context(personas, system, extra_panel, settings):
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [*templates[0]["DIRS"], Path(__file__).parent / "templates"]
    settings.TEMPLATES = templates
    html = personas.client("contributor").get(_url(system)).content.decode()
    assert "<h2>Test components</h2>" in html
    assert "Model A of AIS-001 in acme, editable" in html


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_detail_page_queries_do_not_grow_with_history(personas, system):
    client = personas.client("manager")
    few = _queries(client, _url(system))
    stages = ["design_development", "verification_validation", "deployment", "operation_monitoring"]
    for number, stage in enumerate(stages * 3):
        if system.lifecycle_stage != stage:
            actions.change_lifecycle_stage(actor=personas.manager, system=system, stage=stage)
        actions.update_ai_system(actor=personas.manager, system=system, changes={"name": f"Bot {number}"})
    many = _queries(client, _url(system))
    assert few == many
