"""What every document page shares: running an action behind a form, the query string, htmx partials."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import QueryDict

from aims.web.forms import call_action
from aims.web.requests import AuthedRequest

T = TypeVar("T")


def attempt(form: forms.Form, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees why."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def posted(request: AuthedRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def uploaded(request: AuthedRequest) -> object:
    return request.FILES if request.method == "POST" else None


def query_without(request: AuthedRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def is_partial(request: AuthedRequest) -> bool:
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request  # type: ignore[union-attr]


def sort_columns(current: str, sorts: dict[str, str]) -> dict[str, dict[str, str]]:
    columns = {}
    for key, label in sorts.items():
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        columns[key] = {"label": label, "link": f"-{key}" if state == "ascending" else key, "state": state}
    return columns
