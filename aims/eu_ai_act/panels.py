"""The EU AI Act panel on the AI system detail page: the system's current class, one query."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.ai_systems.panels import Panel
from aims.eu_ai_act.queries import current_classification

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem


def eu_ai_act_panel(system: AISystem, user: User) -> Panel:
    return Panel(
        title="EU AI Act",
        template="eu_ai_act/panel.html",
        context={"classification": current_classification(system)},
    )
