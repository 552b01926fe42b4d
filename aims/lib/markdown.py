"""Markdown to HTML that is safe to show: raw HTML in the source is escaped, links only to safe schemes."""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# "commonmark" with html off: any <tag> in the text is shown as text. Tables and strikethrough for policies.
_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable(["table", "strikethrough"])


def render_markdown(text: str) -> SafeString:
    """Render user Markdown. markdown-it escapes raw HTML and drops javascript:/vbscript:/data: links."""
    return mark_safe(_RENDERER.render(text or ""))  # noqa: S308 - the renderer escapes all raw HTML
