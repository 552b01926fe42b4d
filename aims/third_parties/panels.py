"""The "Suppliers and customers" panel of the AI system page: the system's third-party relationships."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aims.ai_systems.panels import Panel
from aims.third_parties import queries

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem


def relationships_panel(system: AISystem, user: User) -> Panel:
    """One query: the system's relationships with their third parties (the page has checked access)."""
    return Panel(
        title="Suppliers and customers",
        template="third_parties/panel_relationships.html",
        context={"relationships": queries.system_relationships(system.pk)},
    )
