"""List pages answer an htmx request with the `#records` partial of their template, a plain one in full."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def is_partial(request: HttpRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def render_records(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    """The whole page, or only its `#records` partial when htmx asks (history restores get the page)."""
    return render(request, f"{template}#records" if is_partial(request) else template, context, status=status)
