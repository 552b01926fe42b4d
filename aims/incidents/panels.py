"""The panel on the AI system detail page: the system's latest incidents and any report overdue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.incidents import queries

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel


def incident_panel(system: AISystem, user: User) -> Panel:
    from aims.ai_systems.panels import Panel

    return Panel(
        title="Incidents",
        template="incidents/panel.html",
        context={"inc_rows": queries.panel_rows(system)},
    )


def register_panels() -> None:
    from aims.ai_systems.panels import register_panel

    register_panel("incidents", incident_panel, order=60)
