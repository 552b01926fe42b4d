"""Panels on the AI system detail page: the system's models, datasets, resources and competences.

Each panel runs one query, capped at `SHOWN` rows, and links to its register's list filtered by the system.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.urls import reverse
from django.utils.http import urlencode

from aims.components.models import AIModel, CompetenceNeed, Dataset, Resource

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel

SHOWN = 10


def _capped(rows: Any) -> tuple[list[Any], bool]:
    found = list(rows[: SHOWN + 1])
    return found[:SHOWN], len(found) > SHOWN


def _component_panel(
    system: AISystem, model: type[AIModel | Dataset | Resource], title: str, key: str
) -> Panel:
    from aims.ai_systems.panels import Panel

    rows, more = _capped(model.objects.filter(ai_systems=system).order_by("reference", "pk"))
    context = {"rows": rows, "more": more, "key": key, "what": title.lower(), **_urls(system, key)}
    return Panel(title=title, template="components/panel_components.html", context=context)


def _urls(system: AISystem, key: str) -> dict[str, str]:
    """The register's list filtered by the system, and its form with the system filled in."""
    org = {"org": system.organization.slug}
    return {
        "list_url": reverse(f"components:{key}_list", kwargs=org)
        + "?"
        + urlencode({"system": system.reference, "status": "any"}),
        "create_url": reverse(f"components:{key}_create", kwargs=org)
        + "?"
        + urlencode({"system": system.reference}),
    }


def models_panel(system: AISystem, user: User) -> Panel:
    return _component_panel(system, AIModel, "Models", "model")


def datasets_panel(system: AISystem, user: User) -> Panel:
    return _component_panel(system, Dataset, "Datasets", "dataset")


def resources_panel(system: AISystem, user: User) -> Panel:
    return _component_panel(system, Resource, "Tooling and computing resources", "resource")


def competences_panel(system: AISystem, user: User) -> Panel:
    from aims.ai_systems.panels import Panel

    rows, more = _capped(
        CompetenceNeed.objects.filter(ai_system=system)
        .order_by("competence", "pk")
        .prefetch_related("holders")
    )
    return Panel(
        title="Competences (human resources)",
        template="components/panel_competences.html",
        context={"rows": rows, "more": more, **_urls(system, "competence")},
    )


def register_panels() -> None:
    """Called from the app's ready(): the orders follow aims.ai_systems.panels' sequence."""
    from aims.ai_systems.panels import register_panel

    register_panel("components.models", models_panel, order=20)
    register_panel("components.datasets", datasets_panel, order=22)
    register_panel("components.resources", resources_panel, order=24)
    register_panel("components.competences", competences_panel, order=26)
