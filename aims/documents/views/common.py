"""What every document page shares: running an action behind a form, the query string, htmx partials."""

from __future__ import annotations

from aims.web.requests import AuthedRequest


def is_partial(request: AuthedRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def sort_columns(current: str, sorts: dict[str, str]) -> dict[str, dict[str, str]]:
    columns = {}
    for key, label in sorts.items():
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        columns[key] = {"label": label, "link": f"-{key}" if state == "ascending" else key, "state": state}
    return columns
