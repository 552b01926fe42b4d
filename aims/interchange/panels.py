"""The interchange panel on the AI system detail page: download the system's ML-BOM, or import one.

It runs no query: both links are made from the system already on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.urls import reverse

from aims.ai_systems.panels import Panel, register_panel

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem


def bom_panel(system: AISystem, user: User) -> Panel:
    org = system.organization.slug
    return Panel(
        title="Bill of materials",
        template="interchange/bom_panel.html",
        context={
            "download_url": reverse("interchange_bom:bom_download", kwargs={"org": org, "pk": system.pk}),
            "import_url": reverse("interchange_bom:bom_import", kwargs={"org": org}),
        },
    )


def register_panels() -> None:
    """Called from the app's ready(); shown after the other panels."""
    register_panel("interchange.bom", bom_panel, order=90)
