"""`{% evidence_panel record %}`: the evidence that supports a record, with an "attach evidence" link."""

from __future__ import annotations

from typing import Any

from django import template
from django.db import models

from aims.evidence.panels import panel_context

register = template.Library()


@register.inclusion_tag("evidence/_evidence_panel.html", takes_context=True)
def evidence_panel(context: template.Context, record: models.Model) -> dict[str, Any]:
    """Two queries at most (the role is usually looked up already); shows the newest items."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return panel_context(record, user)
