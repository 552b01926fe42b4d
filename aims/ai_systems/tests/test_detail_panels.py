import pytest

from aims.ai_systems import panels
from aims.ai_systems.panels import Panel, panels_for, register_panel, unregister_panel


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(panels, "_registry", {})


def test_panels_are_shown_in_order_and_none_means_hidden(personas, system, clean_registry):
    register_panel("b", lambda s, u: Panel("Second", "b.html"), order=20)
    register_panel("a", lambda s, u: Panel("First", "a.html"), order=10)
    register_panel("c", lambda s, u: None, order=5)
    assert [p.title for p in panels_for(system, personas.viewer)] == ["First", "Second"]


def test_registering_a_key_again_replaces_the_panel(personas, system, clean_registry):
    register_panel("a", lambda s, u: Panel("Old", "a.html"))
    register_panel("a", lambda s, u: Panel("New", "a.html"))
    assert [p.title for p in panels_for(system, personas.viewer)] == ["New"]
    unregister_panel("a")
    assert panels_for(system, personas.viewer) == []


def test_a_panel_sees_the_system_and_the_user(personas, system, clean_registry):
    seen = []
    register_panel("spy", lambda s, u: seen.append((s, u)))
    panels_for(system, personas.auditor)
    assert seen == [(system, personas.auditor)]
