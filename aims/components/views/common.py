"""What the component pages share: htmx partials and query strings."""

from __future__ import annotations

from django.http import HttpRequest


def query_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def wants_partial(request: HttpRequest) -> bool:
    """An htmx request (other than a history restore) gets the list's rows only."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]
