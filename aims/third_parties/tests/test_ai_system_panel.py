from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from aims.ai_systems.panels import panels_for
from aims.third_parties import actions
from aims.third_parties.panels import relationships_panel


def _panel(system, user):
    return next(panel for panel in panels_for(system, user) if panel.template.startswith("third_parties/"))


def _render(panel, system, can_edit=False):
    context = {**panel.context, "system": system, "organization": system.organization, "can_edit": can_edit}
    return render_to_string(panel.template, context)


def test_the_system_page_lists_the_systems_suppliers_and_customers(
    personas, relationship, system, foreign_relationship
):
    actions.create_relationship(
        actor=personas.manager, third_party=relationship.third_party, subject="Org-wide"
    )
    panel = _panel(system, personas.viewer)
    assert panel.title == "Suppliers and customers"
    assert [row.pk for row in panel.context["relationships"]] == [relationship.pk]
    html = _render(panel, system)
    assert "Lumen Models" in html
    assert "Hosted language model" in html
    assert f"/o/acme/third-parties/{relationship.third_party_id}/#relationship-{relationship.pk}" in html
    assert "Secret data feed" not in html


def test_the_panel_reads_one_query_however_many_relationships(personas, relationship, system):
    for number in range(5):
        actions.create_relationship(
            actor=personas.manager,
            third_party=relationship.third_party,
            subject=f"More {number}",
            ai_system=system,
        )
    with CaptureQueriesContext(connection) as captured:
        panel = relationships_panel(system, personas.viewer)
        _render(panel, system)
    assert len(captured) == 1


def test_a_system_without_third_parties_says_so(personas, system):
    html = _render(_panel(system, personas.viewer), system, can_edit=True)
    assert "No supplier or customer is recorded for this system." in html
