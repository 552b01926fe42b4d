"""The panel on the AI system detail page: the latest approved impact assessment and when the next is due."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.impact_assessments import queries

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel


def impact_panel(system: AISystem, user: User) -> Panel:
    from aims.ai_systems.panels import Panel

    rows = queries.panel_rows(system)
    latest = queries.latest_approved(rows)
    return Panel(
        title="Impact assessments",
        template="impact_assessments/panel.html",
        context={
            "ia_rows": rows,
            "ia_latest": latest,
            "ia_next": latest.next_assessment_on if latest else None,
        },
    )


def register_panels() -> None:
    from aims.ai_systems.panels import register_panel

    register_panel("impact_assessments", impact_panel, order=50)
