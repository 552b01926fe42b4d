"""Panels on the AI system detail page, contributed by the apps that hang records on a system.

An app registers a panel from its AppConfig.ready():

    from aims.ai_systems.panels import Panel, register_panel

    def _datasets(system: AISystem, user: User) -> Panel:
        rows = list(system.datasets.only("reference", "name", "category"))   # one query, its own
        return Panel(title="Datasets", template="components/panel_datasets.html", context={"rows": rows})

    register_panel("datasets", _datasets, order=20)

Each panel's function runs one (or a fixed few) queries of its own, so the detail page's query count stays
fixed however many records hang on the system. The template is included with the panel's context plus
`system`, `organization` and `can_edit`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem


@dataclass
class Panel:
    title: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


PanelFunction = Callable[["AISystem", "User"], Panel | None]


@dataclass(order=True)
class _Entry:
    order: int
    key: str
    function: PanelFunction = field(compare=False)


_registry: dict[str, _Entry] = {}


def register_panel(key: str, function: PanelFunction, *, order: int = 50) -> None:
    """Add (or replace, by key) a panel; lower `order` shows first."""
    _registry[key] = _Entry(order, key, function)


def panels_for(system: AISystem, user: User) -> list[Panel]:
    """The panels to show, in order; a function may return None to show nothing."""
    shown = []
    for entry in sorted(_registry.values()):
        panel = entry.function(system, user)
        if panel is not None:
            shown.append(panel)
    return shown
