"""The panel on the AI system detail page: the system's obligations and context issues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.context.queries import PANEL_LIMIT, panel_rows

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel


def context_panel(system: AISystem, user: User) -> Panel:
    """Two queries whatever the number of linked records; long lists are cut at PANEL_LIMIT."""
    from aims.ai_systems.panels import Panel

    rows = panel_rows(system)
    return Panel(
        title="Obligations and context issues",
        template="context/panel.html",
        context={"context_rows": rows, "context_limit": PANEL_LIMIT},
    )


def register_panels() -> None:
    from aims.ai_systems.panels import register_panel

    register_panel("context", context_panel, order=35)
