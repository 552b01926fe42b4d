"""`{% render_panel panel %}`: a detail-page panel's template, with the page's context and its own."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from aims.ai_systems.panels import Panel

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context: template.Context, panel: Panel) -> SafeString:
    """Like `{% include %}`: the same request context (no context processors run again), with the panel's
    own variables pushed on top."""
    assert context.template is not None
    panel_template = context.template.engine.get_template(panel.template)
    with context.push(**panel.context):
        return panel_template.render(context)
