"""The panel on the AI system detail page: the system's open risks, highest level first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.risks.queries import PANEL_LIMIT, panel_rows

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel


def risks_panel(system: AISystem, user: User) -> Panel:
    """One query whatever the number of risks; long lists are cut at PANEL_LIMIT and link to the register."""
    from aims.ai_systems.panels import Panel

    return Panel(
        title="AI risks",
        template="risks/panel.html",
        context={"risk_rows": panel_rows(system), "risk_limit": PANEL_LIMIT},
    )


def register_panels() -> None:
    from aims.ai_systems.panels import register_panel

    register_panel("risks", risks_panel, order=40)
