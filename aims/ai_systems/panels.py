"""Panels on the AI system detail page, contributed by the apps that hang records on a system.

An app registers a panel from its AppConfig.ready():

    from aims.ai_systems.panels import Panel, register_panel

    def _datasets(system: AISystem, user: User) -> Panel:
        rows = list(system.datasets.only("reference", "name", "category"))   # one query, its own
        return Panel(title="Datasets", template="components/panel_datasets.html", context={"rows": rows})

    register_panel("datasets", _datasets, order=20)

Each panel's function runs one (or a fixed few) queries of its own, so the detail page's query count stays
fixed however many records hang on the system: fetch what the template shows (with select_related, or
`.values()`), never let the template follow relations row by row, and cap long lists (show the first N and
link to the full, filtered list page).

The template is rendered like an `{% include %}` into the detail page, inside a `<section>` headed by the
panel's title: it sees the panel's context on top of the page's, which holds `system`, `organization`,
`can_edit` (the user may edit records of the organisation), `can_approve`, `user` and the CSRF token, so a
panel may hold forms that POST to its own app's views. Return None to show nothing (for example when a
panel does not apply to the system). A panel of an app not yet written can be registered later without
touching this app.

Orders, so that the page reads in a sensible sequence: EU AI Act classification 10, models 20, datasets 22,
resources 24, third parties 30, risks 40, impact assessments 50, incidents 60.
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


def unregister_panel(key: str) -> None:
    """Remove a panel (tests use it to clean up after registering one)."""
    _registry.pop(key, None)


def panels_for(system: AISystem, user: User) -> list[Panel]:
    """The panels to show, in order; a function may return None to show nothing."""
    shown = []
    for entry in sorted(_registry.values()):
        panel = entry.function(system, user)
        if panel is not None:
            shown.append(panel)
    return shown
