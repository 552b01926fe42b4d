"""What the risk pages share: running an action against a form, and the query string helpers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import QueryDict

from aims.web.forms import call_action
from aims.web.requests import AuthedRequest

T = TypeVar("T")


def attempt(form: forms.BaseForm, action: Callable[[], T]) -> tuple[T | None, int]:
    """Run the action; a refusal becomes a form error too (answered 403), so the person sees the rule."""
    try:
        result = call_action(form, action)
    except PermissionDenied as exc:
        form.add_error(None, str(exc) or "Your role in this organisation does not allow this.")
        return None, 403
    return result, 200 if result is not None else 422


def posted(request: AuthedRequest) -> QueryDict | None:
    return request.POST if request.method == "POST" else None


def query_without(request: AuthedRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
