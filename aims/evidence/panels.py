"""The evidence panel other pages show: on the AI system detail page, and through `{% evidence_panel %}`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models

from aims.evidence.permissions import can_edit_evidence
from aims.evidence.queries import evidence_for

if TYPE_CHECKING:
    from aims.accounts.models import User
    from aims.ai_systems.models import AISystem
    from aims.ai_systems.panels import Panel

PANEL_LIMIT = 10


def panel_context(record: models.Model, user: Any) -> dict[str, Any]:
    organization = record.organization  # type: ignore[attr-defined]
    items = list(evidence_for(record)[: PANEL_LIMIT + 1])
    return {
        "evidence_items": items[:PANEL_LIMIT],
        "evidence_more": len(items) > PANEL_LIMIT,
        "evidence_attach": f"{record._meta.label_lower}:{record.pk}",
        "organization": organization,
        "evidence_can_edit": user is not None and can_edit_evidence(user, organization),
    }


def evidence_panel(system: AISystem, user: User) -> Panel:
    from aims.ai_systems.panels import Panel

    return Panel(
        title="Evidence", template="evidence/_evidence_panel.html", context=panel_context(system, user)
    )


def register_panels() -> None:
    from aims.ai_systems.panels import register_panel

    register_panel("evidence", evidence_panel, order=70)
